// The in-page sidebar in Firefox: the host the page sees is empty (closed shadow root), the
// sidebar is the extension's page in a moz-extension iframe, and its Insert, its live
// transcript and its screenshot work there as in Chromium (tests/e2e/sidebar-flow.test.ts).
import { expect, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { waitFor } from '../e2e/support/browser';
import { EXTENSION_ORIGIN, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/support/firefox';
import { HOST, openSidebar } from '../e2e/sidebar-helpers';
import { useBrowserAndFixtures, type FixtureServer } from '../e2e/support/suite';

let b: FirefoxExtensionBrowser;
let server: FixtureServer;

useBrowserAndFixtures(launchFirefoxWithExtension, async (env) => {
  ({ b, server } = env);
  await b.api({ type: 'settings.set', settings: { language: 'zh-CN' } });
  await b.api({ type: 'profile.set', profile: { name: '王明', phone: '13800001234', account: '', product: '花呗', amount: '3200', overdueDays: '5', proposedDate: '', monthlyIncome: '', reason: '', instalments: '' } });
});

/** Opens the demo chat and its sidebar; the sidebar's frame once its tabs are drawn. */
async function openWithSidebar(url: string): Promise<{ page: Page; tabId: number; frame: Frame }> {
  const page = await b.browser.newPage();
  await page.goto(url);
  const tabId = await b.tabIdOf(page);
  await openSidebar(b.api, tabId, async () => (await page.$(HOST)) !== null);
  // Puppeteer over BiDi keeps the frame's first URL (about:blank): ask the frame where it is.
  const frame = await waitFor(
    async () => {
      for (const f of page.frames()) {
        const href = await f.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${EXTENSION_ORIGIN}/sidebar.html`)) return f;
      }
      return null;
    },
    { what: 'the sidebar frame', interval: 200 },
  );
  await frame.waitForSelector('[role="tab"]', { timeout: 15_000 });
  return { page, tabId, frame };
}

test('the sidebar opens in the page out of its reach, inserts a suggestion, shows the recording live and takes a screenshot into it', async () => {
  const { page, tabId, frame } = await openWithSidebar(`${server.origin}/demo/chat.html?lang=zh&delay=0`);
  const seen = await page.evaluate((selector) => {
    const host = document.querySelector(selector) as HTMLElement;
    return { shadowRoot: host.shadowRoot, children: host.children.length, iframes: document.querySelectorAll('iframe').length };
  }, HOST);
  expect(seen).toEqual({ shadowRoot: null, children: 0, iframes: 0 });
  // The interface is in the language chosen in the settings.
  expect(await frame.$eval('#tab-suggest', (el) => el.textContent)).toBe('建议');

  await frame.click('#tab-suggest');
  await frame.waitForSelector('#panel-suggest:not([hidden]) .suggestion button.insert');
  const phrase = await frame.$eval('.suggestion .suggestion-text', (el) => el.textContent ?? '');
  await frame.click('.suggestion button.insert');
  const value = await waitFor(() => page.$eval('#chat-input', (el) => (el as HTMLTextAreaElement).value), { what: 'chat box filled' });
  // The first suggestion, filled from the case profile, word for word.
  expect(value.replace(/\s+/g, '')).toBe(phrase.replace(/\s+/g, ''));
  expect(value).not.toMatch(/\{[a-zA-Z]+\}/);

  await frame.click('#tab-transcript');
  await frame.click('.capture-toggle');
  await frame.waitForSelector('.recording-status[data-state="recording"]');
  await page.click('#send-button');
  await frame.waitForSelector('.transcript .entry.speaker-user', { timeout: 15_000 });
  await frame.waitForSelector('.transcript .entry.speaker-agent', { timeout: 15_000 });
  const { count } = await b.api<{ count: number }>({ type: 'capture.status', tabId });
  expect(count).toBeGreaterThanOrEqual(3);

  // A screenshot (tabs.captureVisibleTab) is bound into the record, and the case file still verifies.
  await frame.click('button.screenshot');
  const flash = await waitFor(
    () => frame.$$eval('.flash', (els) => els.map((el) => el.textContent ?? '').find((t) => /#\d+/.test(t)) ?? null),
    { what: 'the screenshot saved', timeout: 15_000 },
  );
  expect(flash).toMatch(/截图.*#\d+/);
  const { sessionId } = await b.api<{ sessionId: string }>({ type: 'capture.status', tabId });
  const { attachments } = await b.api<{ attachments: { mime: string }[] }>({ type: 'session.get', sessionId });
  expect(attachments).toEqual([expect.objectContaining({ mime: 'image/png' })]);
  const { data } = await b.api<{ data: any }>({ type: 'session.export', sessionId, format: 'json' });
  expect(data.entries.some((e: any) => /^\[screenshot sha256:[0-9a-f]{64}\]$/.test(e.text ?? ''))).toBe(true);
  expect(await b.api({ type: 'session.verify', data })).toMatchObject({ ok: true, valid: true });
  await page.close();
});
