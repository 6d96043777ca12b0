// The popup passes axe-core (WCAG A/AA rules, colour contrast included) in both
// languages and both themes, idle and while recording.
import { describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';
import { axeViolations, openDemoChat, openExtensionPage, say, setLook, type DemoChat } from './support/ui-pages';

let b: ExtensionBrowser;
let server: FixtureServer;
let chat: DemoChat;

useExtensionAndFixtures(async (env) => {
  ({ b, server } = env);
  chat = await openDemoChat(b, server.origin, 'zh');
  await b.api({ type: 'capture.start', tabId: chat.tabId });
  await say(chat.page, '您好，我想协商延期还款。');
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
] as const)('popup in %s, %s theme', (language, theme) => {
  test('has no axe violations, recording and idle', { timeout: 120_000 }, async () => {
    await setLook(b, language, theme);
    const popup = await openExtensionPage(b, `popup.html?tabId=${chat.tabId}`, '[data-state="recording"]');
    await popup.waitForSelector('.recent-sessions');
    expect(await popup.getAttribute('html', 'lang')).toBe(language);
    expect(await popup.getAttribute('html', 'data-theme')).toBe(theme);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();

    const idle = await openDemoChat(b, server.origin, 'en', `${language}-${theme}`);
    const idlePopup = await openExtensionPage(b, `popup.html?tabId=${idle.tabId}`, '[data-state="idle"]');
    expect(await axeViolations(idlePopup)).toEqual([]);
    // The check itself can fail: an image without a text alternative is reported.
    await idlePopup.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'icons/icon-16.png' })));
    expect((await axeViolations(idlePopup)).join()).toContain('image-alt');
    await Promise.all([idlePopup.close(), idle.page.close()]);
  });
});
