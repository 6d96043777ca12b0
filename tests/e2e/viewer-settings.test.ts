// The settings page (viewer.html#settings): language and theme apply at once,
// sites, shortcut and launcher are saved through settings.set.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './support/browser';
import { openExtensionPage, setLook } from './support/ui-pages';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
  await setLook(b, 'en', 'light');
});
afterAll(() => b?.close());

const settings = async () => (await b.api({ type: 'settings.get' })).settings;

describe('settings page', () => {
  test('language and theme switch the page at once and are saved', async () => {
    const page = await openExtensionPage(b, 'viewer.html#settings', 'input[name="language"]');
    expect(await page.textContent('h1')).toBe('Settings');
    await page.check('input[name="language"][value="zh-CN"]');
    await page.waitForSelector('h1:text("设置")');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect((await settings()).language).toBe('zh-CN');

    await page.check('input[name="theme"][value="dark"]');
    await waitFor(() => page.getAttribute('html', 'data-theme').then((v) => v === 'dark'), { what: 'dark theme' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(20, 23, 27)');
    expect((await settings()).theme).toBe('dark');

    // Another page of the extension follows the change.
    const other = await openExtensionPage(b, 'viewer.html', 'h1');
    expect(await other.textContent('h1')).toBe('已记录的对话');
    expect(await other.getAttribute('html', 'data-theme')).toBe('dark');
    await page.check('input[name="language"][value="en"]');
    await other.waitForSelector('h1:text("Recorded sessions")');

    await page.check('input[name="theme"][value="auto"]');
    await waitFor(() => page.getAttribute('html', 'data-theme').then((v) => v === null), { what: 'auto theme' });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 27)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await Promise.all([page.close(), other.close()]);
  });

  test('auto-start sites, shortcut and launcher', async () => {
    const page = await openExtensionPage(b, 'viewer.html#settings', '#site-new');
    const before = (await settings()).autoStartSites as string[];
    await page.fill('#site-new', 'https://Kefu.Example.com/chat/');
    await page.click('button[type="submit"]');
    await waitFor(async () => (await settings()).autoStartSites.includes('kefu.example.com/chat'), { what: 'site added' });
    await page.click('button[aria-label="Remove kefu.example.com/chat"]');
    await waitFor(async () => !(await settings()).autoStartSites.includes('kefu.example.com/chat'), { what: 'site removed' });
    await page.click(`button[aria-label="Remove ${before[0]}"]`);
    await waitFor(async () => !(await settings()).autoStartSites.includes(before[0]), { what: 'default site removed' });
    await page.click('text=Restore the default list');
    await waitFor(async () => (await settings()).autoStartSites.includes(before[0]), { what: 'defaults restored' });

    await page.focus('#shortcut');
    await page.keyboard.press('Alt+K');
    await waitFor(async () => (await settings()).quickInsertShortcut === 'Alt+K', { what: 'shortcut saved' });
    expect(await page.inputValue('#shortcut')).toBe('Alt+K');
    await page.keyboard.press('k'); // no modifier: ignored
    expect(await page.inputValue('#shortcut')).toBe('Alt+K');

    const launcher = page.locator('input[type="checkbox"]');
    expect(await launcher.isChecked()).toBe((await settings()).showLauncher);
    await launcher.click();
    await waitFor(async () => (await settings()).showLauncher === false, { what: 'launcher off' });
    expect(await page.textContent('[role="status"]')).toBe('Saved.');
    await page.close();
  });
});
