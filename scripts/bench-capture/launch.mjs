// Plain-JS twin of tests/e2e/support/browser.ts for the capture bench (which runs under
// `node`, not vitest): headless Chromium with the built extension, an extension page to
// send runtime API requests from, and the static server for tests/fixtures/.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(root, 'extension');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Serves tests/fixtures/; returns the URL of the bench chat page and a close(). */
export async function startBenchServer() {
  const server = await serveStatic(path.join(root, 'tests/fixtures'));
  return { chatUrl: `${server.url}bench/chat.html`, close: () => server.close() };
}

/**
 * Launches Chromium with extension/ (or `extensionDir`) loaded; `api(req)` sends one runtime
 * API request from an extension page (`apiPage`: a file of that extension to open it at).
 */
export async function launchWithExtension({ extensionDir = EXTENSION_DIR, apiPage: apiPagePath = 'icons/icon-16.png' } = {}) {
  const EXTENSION_DIR_USED = extensionDir;
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM)`);
  if (!existsSync(path.join(EXTENSION_DIR_USED, 'manifest.json'))) throw new Error('extension/ is not built: run npm run build');
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'chat-evidence-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=en-US',
      `--disable-extensions-except=${EXTENSION_DIR_USED}`,
      `--load-extension=${EXTENSION_DIR_USED}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const apiPage = await context.newPage();
  // An inert extension page (an icon): the popup's own UI would react to the bench's live events.
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
    apiPage,
    api,
    tabIdOf,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
