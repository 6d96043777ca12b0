// Writes docs/screenshots/*.png (shown by the README): the popup and the viewer
// in both languages and both themes. Runs only with SCREENSHOTS=1 (npm run screenshots).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startFixtureServer } from './support/server';
import { openExtensionPage, recordDemoSession, setLook, type DemoChat } from './support/ui-pages';

const OUT = resolve(__dirname, '../../docs/screenshots');
const enabled = process.env.SCREENSHOTS === '1';
const LOOKS = [
  ['en', 'light'],
  ['en', 'dark'],
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
] as const;

const CHAT = {
  zh: ['您好，我的花呗账单逾期了，想协商延期还款。', '我叫王明，欠款3200元，逾期5天。', '最近失业了，收入中断。', '我希望延期到下个月15号还清。'],
  en: ["Hello, my bill is overdue and I'd like to ask for a deferral.", "I'm Wang Ming, I owe 3200 and I'm 5 days late.", 'I lost my job last month.', 'Could I pay in full on the 15th of next month?'],
};

let b: ExtensionBrowser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
const recorded: Record<'zh' | 'en', { sessionId: string; chat: DemoChat }> = {} as never;

async function shoot(page: Page, name: string) {
  // Let fonts, images and the live pulse settle; hide the caret and animations for stable images.
  await page.addStyleTag({ content: '*,*::before,*::after{animation:none!important;transition:none!important;caret-color:transparent!important}' }).catch(() => undefined);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

describe.skipIf(!enabled)('screenshots', () => {
  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    [b, server] = await Promise.all([launchWithExtension(), startFixtureServer()]);
    for (const lang of ['en', 'zh'] as const) {
      recorded[lang] = await recordDemoSession(b, server.origin, lang, CHAT[lang].slice(0, 3), lang);
    }
    // The English chat ends; the Chinese one is still recording (for the popup).
    await b.api({ type: 'capture.stop', tabId: recorded.en.chat.tabId });
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test.each(LOOKS)('popup and viewer in %s, %s', { timeout: 180_000 }, async (language, theme) => {
    await setLook(b, language, theme);
    const lang = language === 'zh-CN' ? 'zh' : 'en';
    const { chat, sessionId } = recorded[lang];

    const popup = await openExtensionPage(b, `popup.html?tabId=${recorded.zh.chat.tabId}`, '[data-state="recording"]');
    await popup.setViewportSize({ width: 360, height: 200 });
    await popup.waitForSelector('.recent-sessions');
    await shoot(popup, `popup-${language}-${theme}`);
    await popup.close();

    const viewer = await openExtensionPage(b, `viewer.html#session=${sessionId}`, '[data-verdict="valid"]');
    await viewer.setViewportSize({ width: 1100, height: 900 });
    await shoot(viewer, `viewer-session-${language}-${theme}`);
    await viewer.goto(`chrome-extension://${b.extensionId}/viewer.html`);
    await viewer.waitForSelector('.session-card');
    await shoot(viewer, `viewer-list-${language}-${theme}`);
    await viewer.goto(`chrome-extension://${b.extensionId}/viewer.html#import`);
    const { data } = await b.api({ type: 'session.export', sessionId: recorded.en.sessionId, format: 'json' });
    data.entries[2].text += ' (edited later)';
    await viewer.setInputFiles('#import-file', { name: 'case-tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
    await viewer.waitForSelector('.verdict-card[data-verdict="invalid"]');
    await shoot(viewer, `viewer-verify-${language}-${theme}`);
    await viewer.goto(`chrome-extension://${b.extensionId}/viewer.html#settings`);
    await viewer.waitForSelector('input[name="language"]');
    await shoot(viewer, `viewer-settings-${language}-${theme}`);
    await viewer.close();
    expect(chat.page.isClosed()).toBe(false);
  });
});
