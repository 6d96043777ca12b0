// Headless Chromium with an unpacked build of the extension loaded, and an extension page to
// send runtime API requests from. One launcher for the browser tests (tests/e2e/support/browser.ts)
// and the capture bench (scripts/bench-capture/), so both run the extension the same way.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXTENSION_DIR = fileURLToPath(new URL('../extension', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches Chromium with `extensionDir` loaded in a throwaway profile. `apiPage` is the file of
 * the extension to keep open for `api()` requests: the popup by default; the bench opens an
 * inert one (an icon), since the popup's own UI would react to the bench's live events.
 */
export async function launchWithExtension({ extensionDir = EXTENSION_DIR, locale = 'en-US', apiPage: apiPagePath = 'popup.html' } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM`);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} holds no built extension: run npm run build`);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'chat-evidence-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    // Playwright's own headless mode and default flags turn extensions off.
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    locale,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${locale}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const apiPage = await context.newPage();
  await apiPage.goto(`chrome-extension://${extensionId}/${apiPagePath}`);
  const api = (request) => apiPage.evaluate((req) => globalThis.chrome.runtime.sendMessage(req), request);
  const tabIdOf = async (page) => {
    const url = page.url();
    const tabs = await apiPage.evaluate(() => globalThis.chrome.tabs.query({}));
    const match = tabs.filter((t) => t.url === url);
    if (match.length !== 1) throw new Error(`expected one tab at ${url}, found ${match.length}`);
    return match[0].id;
  };
  return {
    context,
    extensionId,
    worker,
    apiPage,
    api,
    tabIdOf,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
