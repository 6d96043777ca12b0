// Launches headless Firefox (Debian's firefox-esr) over WebDriver BiDi with the
// built extension/ installed as a temporary add-on, and gives tests an extension
// page from which to call the runtime message API: the Firefox twin of browser.ts.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, waitFor } from './browser';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** The add-on id of the built manifest (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'chat-evidence@example.org';
/** Fixed moz-extension host, so tests can name extension pages before install. */
export const EXTENSION_UUID = '5c1d3b2a-7e6f-4a80-9b1c-2d3e4f5a6b7c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

// Prefs that keep a test Firefox quiet and off the network; loopback still works.
const QUIET_PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/remote-settings',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.ping-centre.telemetry': false,
  'dom.push.connection.enabled': false,
  'geo.provider.network.url': '',
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'browser.aboutHomeSnippets.updateUrl': '',
  'intl.locale.requested': 'en-US',
  'intl.accept_languages': 'en-US, en',
};

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on id installExtension reported (equals GECKO_ID). */
  addonId: string;
  /** An extension page (popup.html) kept open to send API requests from. */
  apiPage: Page;
  /** Sends one request of the runtime message API and returns the reply as is. */
  api<T = any>(request: Record<string, unknown>): Promise<T>;
  /** The id of the tab showing `page`, as the extension's tabs API sees it. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens an extension page (path relative to extension/) in `page` and waits for `selector`. */
  openExtensionPage(page: Page, path: string, selector: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Navigates a page to a URL without waiting for a load event: Firefox never
 * reports one to BiDi for moz-extension:// documents, so page.goto() hangs.
 */
export async function navigateWithoutWaiting(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<void> } }).browsingContext;
  await context.navigate(url, 'none');
}

export async function launchFirefoxWithExtension(): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: install it (apt-get install -y firefox-esr) or set FIREFOX`);
  const manifestFile = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error('extension/ is not built: run npm run build');
  const geckoId = JSON.parse(readFileSync(manifestFile, 'utf8'))?.browser_specific_settings?.gecko?.id;
  if (geckoId !== GECKO_ID) throw new Error(`manifest gecko id is ${geckoId}, tests expect ${GECKO_ID}`);

  const userDataDir = await mkdtemp(join(tmpdir(), 'chat-evidence-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: QUIET_PREFS,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    defaultViewport: { width: 1280, height: 800 },
    timeout: 30_000,
  });
  try {
    const addonId = await browser.installExtension(EXTENSION_DIR);
    const apiPage = (await browser.pages())[0] ?? (await browser.newPage());
    const openExtensionPage = async (page: Page, path: string, selector: string) => {
      await navigateWithoutWaiting(page, `${EXTENSION_ORIGIN}/${path}`);
      await page.waitForSelector(selector, { timeout: 15_000 });
    };
    await openExtensionPage(apiPage, 'popup.html', 'main');
    const api = <T>(request: Record<string, unknown>) =>
      apiPage.evaluate((req) => (globalThis as any).browser.runtime.sendMessage(req), request) as Promise<T>;
    // The background script may still be starting ("Receiving end does not exist"): wait until it answers.
    await waitFor(() => api<{ ok?: boolean }>({ type: 'session.list' }).then((r) => r?.ok === true, () => false), { timeout: 15_000, what: 'the background to answer' });
    const tabIdOf = async (page: Page) => {
      const url = page.url();
      const tabs = (await apiPage.evaluate(() => (globalThis as any).browser.tabs.query({}))) as { id: number; url?: string }[];
      const match = tabs.filter((t) => t.url === url);
      if (match.length !== 1) throw new Error(`expected one tab at ${url}, found ${match.length}: ${JSON.stringify(tabs)}`);
      return match[0].id;
    };
    return {
      browser,
      addonId,
      apiPage,
      api,
      tabIdOf,
      openExtensionPage,
      async close() {
        await browser.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
