// Launches headless Chromium with the built extension/ loaded, and gives tests
// an extension page from which to call the runtime message API.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(__dirname, '../../../extension');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** An extension page (popup.html) kept open to send API requests from. */
  apiPage: Page;
  /** Sends one request of the runtime message API and returns the reply as is. */
  api<T = any>(request: Record<string, unknown>): Promise<T>;
  /** The id of the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: { locale?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('extension/ is not built: run npm run build');
  const userDataDir = await mkdtemp(join(tmpdir(), 'chat-evidence-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${options.locale ?? 'en-US'}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const apiPage = await context.newPage();
  await apiPage.goto(`chrome-extension://${extensionId}/popup.html`);
  const api = <T>(request: Record<string, unknown>) =>
    apiPage.evaluate((req) => (globalThis as any).chrome.runtime.sendMessage(req), request) as Promise<T>;
  const tabIdOf = async (page: Page) => {
    const url = page.url();
    const tabs = (await apiPage.evaluate(() => (globalThis as any).chrome.tabs.query({}))) as { id: number; url: string }[];
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

/** Polls `fn` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(fn: () => Promise<T> | T, { timeout = 10_000, interval = 50, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
