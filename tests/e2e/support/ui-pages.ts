// Helpers of the popup/viewer end-to-end tests: pages in a chosen language and
// theme, a recorded demo chat, and axe-core accessibility checks.
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { waitFor, type ExtensionBrowser } from './browser';

export const AXE_PATH = resolve(__dirname, '../../../node_modules/axe-core/axe.min.js');

export type UiLanguage = 'en' | 'zh-CN';
export type UiTheme = 'light' | 'dark';

/** Sets language and theme through the API (as the settings page would). */
export async function setLook(b: ExtensionBrowser, language: UiLanguage | 'auto', theme: UiTheme | 'auto'): Promise<void> {
  const r = await b.api({ type: 'settings.set', settings: { language, theme } });
  if (!r.ok) throw new Error(`settings.set failed: ${JSON.stringify(r)}`);
}

/** Opens an extension page and waits until the app has painted its text. */
export async function openExtensionPage(b: ExtensionBrowser, path: string, ready = 'main'): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/${path}`);
  await page.waitForSelector(ready);
  return page;
}

/** Runs axe-core on the page; returns the violations as short readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Extension pages forbid inline scripts (CSP script-src 'self'), so addScriptTag is
  // blocked; evaluating the source through the DevTools protocol is not.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${await readFile(AXE_PATH, 'utf8')}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n: any) => n.target.join(' ') + (n.failureSummary ? ` [${n.failureSummary.split('\n').slice(1).join(' ').trim()}]` : '')).join(' | ')}`);
  });
  return violations as string[];
}

export interface DemoChat {
  page: Page;
  tabId: number;
}

/** Opens the demo support chat in a new tab (lang zh or en). */
export async function openDemoChat(b: ExtensionBrowser, origin: string, lang: 'zh' | 'en' = 'zh', tag = ''): Promise<DemoChat> {
  const page = await b.context.newPage();
  await page.goto(`${origin}/demo/chat.html?lang=${lang}&delay=20${tag ? `&t=${tag}` : ''}`);
  await page.evaluate(() => (window as any).__demo.idle());
  return { page, tabId: await b.tabIdOf(page) };
}

/** Types a line into the demo chat and waits for the scripted agent's answer. */
export async function say(page: Page, text: string): Promise<void> {
  await page.fill('#chat-input', text);
  await page.click('#send-button');
  await page.evaluate(() => (window as any).__demo.idle());
}

/** Records a short demo chat through the API; returns its session id once every line is stored. */
export async function recordDemoSession(b: ExtensionBrowser, origin: string, lang: 'zh' | 'en', lines: string[], tag = ''): Promise<{ sessionId: string; chat: DemoChat }> {
  const chat = await openDemoChat(b, origin, lang, tag);
  const started = await b.api({ type: 'capture.start', tabId: chat.tabId });
  if (!started.ok) throw new Error(`capture.start failed: ${JSON.stringify(started)}`);
  for (const line of lines) await say(chat.page, line);
  const shown = (await chat.page.evaluate(() => (window as any).__demo.transcript())).length as number;
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId: chat.tabId })).count >= shown, { what: 'demo lines stored' });
  return { sessionId: started.sessionId, chat };
}

export const ZH_LINES = ['您好，我的花呗账单逾期了，想协商延期还款。', '我叫王明，欠款3200元，逾期5天。', '我希望延期到下个月15号还清。'];
export const EN_LINES = ["Hello, my bill is overdue and I'd like to ask for a deferral.", 'I owe 3200 and I am 5 days late.', 'Could I pay in full on the 15th of next month?'];
