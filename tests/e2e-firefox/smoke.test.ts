// The built extension/ in Firefox (firefox-esr over WebDriver BiDi): extension
// pages load and reach the background through the runtime API, and the demo chat
// is captured exactly, exported and verified, as in Chromium's walking skeleton; the viewer
// checks a case file picked from disk.
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { waitFor } from '../e2e/support/browser';
import { EXTENSION_ORIGIN, GECKO_ID, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/support/firefox';
import { useBrowserAndFixtures, type FixtureServer } from '../e2e/support/suite';

let b: FirefoxExtensionBrowser;
let server: FixtureServer;
/** Sessions the capture tests recorded, for the viewer test. */
const recorded: string[] = [];

useBrowserAndFixtures(launchFirefoxWithExtension, (env) => void ({ b, server } = env));

type Line = { speaker: string; text: string };
const pageTranscript = (page: Page) => page.evaluate(() => (window as any).__demo.transcript() as Line[]);
const demoIdle = (page: Page) => page.evaluate(() => (window as any).__demo.idle());

function messagesOf(caseFile: any): Line[] {
  return caseFile.entries.filter((e: any) => e.kind === 'message').map((e: any) => ({ speaker: e.speaker, text: e.text }));
}

async function say(page: Page, text: string) {
  await page.type('#chat-input', text);
  await page.click('#send-button');
  await demoIdle(page);
}

describe('extension pages in Firefox', () => {
  test('installed under the manifest gecko id, at the fixed moz-extension origin', async () => {
    expect(b.addonId).toBe(GECKO_ID);
    const where = await b.apiPage.evaluate(() => ({ href: location.href, url: (globalThis as any).browser.runtime.getURL('popup.html') }));
    expect(where).toEqual({ href: `${EXTENSION_ORIGIN}/popup.html`, url: `${EXTENSION_ORIGIN}/popup.html` });
    // The popup's Preact app painted its (localised) heading.
    expect((await b.apiPage.$eval('main h1', (h) => h.textContent ?? '')).trim()).not.toBe('');
  });

  test('the popup reaches the background through the runtime API', async () => {
    expect(await b.api({ type: 'session.list' })).toEqual({ ok: true, sessions: [] });
    expect(await b.api({ type: 'no.such.request' })).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await b.api({ type: 'session.export' })).toMatchObject({ ok: false });
  });
});

const LINES: Record<string, { chat: string[]; inserted: string }> = {
  en: {
    chat: [
      "Hello, my bill is overdue and I'd like to ask for a deferral.",
      "I'm Wang Ming, phone ending 1234, I owe 3200 and I'm 5 days late.",
      'I lost my job last month.',
      'Could I pay in 6 instalments instead?',
    ],
    inserted: 'Thanks for your help, goodbye.',
  },
  zh: {
    chat: ['您好，我的花呗账单逾期了，想协商延期还款。', '我叫王明，手机尾号1234，欠款3200元，逾期5天。', '最近失业了，收入中断。', '那可以分6期吗？'],
    inserted: '谢谢您的帮助，再见。',
  },
};

describe.each(['en', 'zh'])('capture on the demo chat in Firefox (%s)', (lang) => {
  test('recorded exactly with an inserted reply, exported, verified, tamper caught', async () => {
    const { chat, inserted } = LINES[lang];
    const page = await b.browser.newPage();
    await page.goto(`${server.origin}/demo/chat.html?lang=${lang}&delay=30`);
    await demoIdle(page);
    const tabId = await b.tabIdOf(page);

    const started = await b.api({ type: 'capture.start', tabId });
    expect(started).toMatchObject({ ok: true });
    const { sessionId } = started;
    recorded.push(sessionId);
    expect(await b.api({ type: 'capture.start', tabId })).toEqual({ ok: true, sessionId });

    for (const line of chat) await say(page, line);

    // compose.insert writes into the page's textarea from the content script (through
    // Firefox's Xray wrappers); the page must take it as typed so its own button sends it.
    expect(await b.api({ type: 'compose.insert', tabId, text: inserted })).toEqual({ ok: true });
    expect(await page.$eval('#chat-input', (el) => (el as HTMLTextAreaElement).value)).toBe(inserted);
    await page.click('#send-button');
    await demoIdle(page);

    const expected = await pageTranscript(page);
    expect(expected.filter((l) => l.speaker === 'user').map((l) => l.text)).toEqual([...chat, inserted]);
    await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count >= expected.length, { what: 'all messages stored' });

    const { data } = await b.api({ type: 'session.export', sessionId, format: 'json' });
    expect(data.format).toBe('chat-evidence');
    expect(messagesOf(data)).toEqual(expected);
    expect(data.chain.count).toBe(data.entries.length);
    expect(await b.api({ type: 'session.verify', data })).toMatchObject({ ok: true, valid: true, firstBadSeq: null });

    const tampered = structuredClone(data);
    tampered.entries[2].text += '!';
    expect(await b.api({ type: 'session.verify', data: tampered })).toMatchObject({ ok: true, valid: false, firstBadSeq: 2 });

    expect(await b.api({ type: 'capture.stop', tabId })).toEqual({ ok: true, sessionId });
    expect(await b.api({ type: 'capture.status', tabId })).toMatchObject({ ok: true, capturing: false });
    const { sessions } = await b.api({ type: 'session.list' });
    expect(sessions[0]).toMatchObject({ id: sessionId, count: data.entries.length });
    await page.close();
  });
});

describe('viewer in Firefox', () => {
  test('checks a case file picked from disk: the valid one is valid, the tampered one breaks at its first bad seq', async () => {
    const page = await b.browser.newPage();
    await b.openExtensionPage(page, 'viewer.html#import', '#import-file');
    // The verdict the page shows once it has read `name` (its hash chain checked with WebCrypto).
    const pick = async (name: string, verdict: string) => {
      const input = await page.$('input#import-file');
      await input!.uploadFile(resolve(__dirname, '../fixtures/case-files', name));
      await waitFor(() => page.$eval('.verdict-card', (el) => el.getAttribute('data-verdict')).then((v) => v === verdict, () => false), { what: `"${verdict}" for ${name}` });
      return page.$eval('.verdict-card', (el) => ({ text: el.textContent ?? '', firstBad: el.getAttribute('data-first-bad-seq') }));
    };
    expect((await pick('valid.json', 'valid')).text).toContain('Valid ✓');
    const bad = await pick('tampered-text.json', 'invalid');
    expect(bad.firstBad).toMatch(/^\d+$/);
    expect(bad.text).toContain(`breaks at seq ${bad.firstBad}`);
    await page.close();
  });

  test('lists the recorded sessions from the extension\'s IndexedDB', async () => {
    expect(recorded.length).toBe(2);
    const page = await b.browser.newPage();
    await b.openExtensionPage(page, 'viewer.html', '.session-card');
    const shown = await page.$$eval('.session-card', (els) => els.map((e) => e.getAttribute('data-session-id')));
    expect(new Set(shown)).toEqual(new Set(recorded));
    await page.close();
  });
});
