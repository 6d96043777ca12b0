// Quick insert in Firefox on the demo chat: Alt+Q in the chat box opens the phrase search (a
// closed shadow root the content script draws in the page), Enter inserts the chosen phrase
// after the draft, and the page's own send button sends it, as in Chromium
// (tests/e2e/composer-quick-insert.test.ts).
import { expect, test } from 'vitest';
import type { KeyInput, Page } from 'puppeteer-core';
import { waitFor } from '../e2e/support/browser';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/support/firefox';
import { useBrowserAndFixtures, type FixtureServer } from '../e2e/support/suite';

let b: FirefoxExtensionBrowser;
let server: FixtureServer;

useBrowserAndFixtures(launchFirefoxWithExtension, (env) => void ({ b, server } = env));

const POPUP = 'chat-evidence-quick-insert';

/** Alt+`key` in the chat box of `page`, pressed until the search opens; false when it did not within `timeout` ms. */
async function openSearch(page: Page, key: KeyInput, timeout: number): Promise<boolean> {
  const popupOpen = () => page.evaluate((tag) => document.querySelector(tag) !== null, POPUP);
  return waitFor(
    async () => {
      if (await popupOpen()) return true;
      await page.keyboard.down('Alt');
      await page.keyboard.press(key);
      await page.keyboard.up('Alt');
      return waitFor(popupOpen, { what: 'quick-insert popup', timeout: 1000 }).catch(() => false);
    },
    { what: `Alt+${key.toUpperCase()} to open the phrase search`, timeout, interval: 300 },
  ).catch(() => false);
}

test('Alt+Q opens the phrase search in the chat box; ↓ and Enter put the second phrase after the draft, and it is sent as typed', async () => {
  const page = await b.browser.newPage();
  await page.goto(`${server.origin}/demo/chat.html?lang=en&delay=0`);
  const tabId = await b.tabIdOf(page);
  const draft = 'Hello. ';
  await page.type('#chat-input', draft);
  const { suggestions } = await b.api<{ suggestions: { text: string }[] }>({ type: 'suggest.list', tabId, query: '', limit: 8 });
  expect(suggestions.length).toBeGreaterThanOrEqual(2);

  const popupOpen = () => page.evaluate((tag) => document.querySelector(tag) !== null, POPUP);
  // The content script may still be starting: press again until the search opens.
  expect(await openSearch(page, 'q', 15_000)).toBe(true);
  await new Promise((r) => setTimeout(r, 300)); // the phrase list arrives from the background
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitFor(async () => !(await popupOpen()), { what: 'popup closed' });
  const expected = draft + suggestions[1].text;
  await waitFor(async () => (await page.$eval('#chat-input', (el) => (el as HTMLTextAreaElement).value)) === expected, { what: `"${expected}" in the chat box` });

  await page.click('#send-button');
  const sent = await waitFor(
    () => page.evaluate(() => ((window as any).__demo.transcript() as { speaker: string; text: string }[]).filter((l) => l.speaker === 'user').map((l) => l.text).pop()),
    { what: 'the message sent' },
  );
  expect(sent).toBe(expected.trim());
  await page.close();
});

test('a page already open takes a new shortcut from the settings at once', async () => {
  const page = await b.browser.newPage();
  await page.goto(`${server.origin}/demo/chat.html?lang=en&delay=0&shortcut=1`);
  await page.click('#chat-input');
  expect(await openSearch(page, 'q', 15_000)).toBe(true); // the content script is running
  await page.keyboard.press('Escape');
  await b.api({ type: 'settings.set', settings: { quickInsertShortcut: 'Alt+K' } });
  try {
    await page.click('#chat-input');
    expect(await openSearch(page, 'k', 5000)).toBe(true);
  } finally {
    await b.api({ type: 'settings.set', settings: { quickInsertShortcut: 'Alt+Q' } });
    await page.close();
  }
});
