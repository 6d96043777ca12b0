// Quick insert in Firefox on the demo chat: Alt+Q in the chat box opens the phrase search (a
// closed shadow root the content script draws in the page), Enter inserts the chosen phrase
// after the draft, and the page's own send button sends it, as in Chromium
// (tests/e2e/composer-quick-insert.test.ts).
import { expect, test } from 'vitest';
import { waitFor } from '../e2e/support/browser';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/support/firefox';
import { useBrowserAndFixtures, type FixtureServer } from '../e2e/support/suite';

let b: FirefoxExtensionBrowser;
let server: FixtureServer;

useBrowserAndFixtures(launchFirefoxWithExtension, (env) => void ({ b, server } = env));

const POPUP = 'chat-evidence-quick-insert';

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
  await waitFor(
    async () => {
      if (await popupOpen()) return true;
      await page.keyboard.down('Alt');
      await page.keyboard.press('q');
      await page.keyboard.up('Alt');
      return waitFor(popupOpen, { what: 'quick-insert popup', timeout: 1000 }).catch(() => false);
    },
    { what: 'Alt+Q to open the phrase search', timeout: 15_000, interval: 300 },
  );
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
