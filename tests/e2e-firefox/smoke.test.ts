// The built extension/ in Firefox (firefox-esr over WebDriver BiDi): extension
// pages load and reach the background through the runtime API, and the demo chat
// is captured exactly, exported and verified, as in Chromium's walking skeleton.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { waitFor } from '../e2e/support/browser';
import { EXTENSION_ORIGIN, GECKO_ID, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/support/firefox';
import { startFixtureServer } from '../e2e/support/server';

let b: FirefoxExtensionBrowser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  [b, server] = await Promise.all([launchFirefoxWithExtension(), startFixtureServer()]);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

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
  });

  test('the popup reaches the background through the runtime API', async () => {
    expect(await b.api({ type: 'session.list' })).toEqual({ ok: true, sessions: [] });
    expect(await b.api({ type: 'no.such.request' })).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await b.api({ type: 'session.export' })).toMatchObject({ ok: false });
  });

  test('the viewer page renders', async () => {
    const page = await b.browser.newPage();
    await b.openExtensionPage(page, 'viewer.html', 'body *');
    expect(await page.evaluate(() => document.body.innerText.trim().length)).toBeGreaterThan(0);
    await page.close();
  });
});

describe('capture on the demo chat in Firefox', () => {
  test('recorded exactly, exported, verified, tamper caught', async () => {
    const page = await b.browser.newPage();
    await page.goto(`${server.origin}/demo/chat.html?lang=en&delay=30`);
    await demoIdle(page);
    const tabId = await b.tabIdOf(page);

    const started = await b.api({ type: 'capture.start', tabId });
    expect(started).toMatchObject({ ok: true });
    const { sessionId } = started;
    expect(await b.api({ type: 'capture.start', tabId })).toEqual({ ok: true, sessionId });

    const lines = [
      "Hello, my bill is overdue and I'd like to ask for a deferral.",
      "I'm Wang Ming, phone ending 1234, I owe 3200 and I'm 5 days late.",
      'I lost my job last month.',
      'Could I pay in 6 instalments instead?',
    ];
    for (const line of lines) await say(page, line);

    const expected = await pageTranscript(page);
    expect(expected.filter((l) => l.speaker === 'user').map((l) => l.text)).toEqual(lines);
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
