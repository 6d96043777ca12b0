// The in-page host end to end: the collapse tab and the launcher, dragging the launcher
// and resizing the panel, both remembered across page loads, and the panel's colours
// following the theme setting. The host's shadow root is closed, so the test works with
// the mouse at the places the controls are drawn.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './support/browser';
import { closedShadowElement } from './support/closed-shadow';
import { startFixtureServer } from './support/server';
import { openWithSidebar, sidebarFrame, type SidebarTab } from './sidebar-helpers';

const VIEW = { width: 1280, height: 800 };
let b: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let tab: SidebarTab;

const frameBox = async () => (await (await tab.frame.frameElement()).boundingBox())!;
const frameVisible = async () => (await tab.frame.frameElement()).isVisible();

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ locale: 'en-US' });
  tab = await openWithSidebar(b, `${server.origin}/demo/chat.html?lang=en&delay=0`);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

test('the sidebar is docked right at its default width', async () => {
  const box = await frameBox();
  expect(box.x + box.width).toBe(VIEW.width);
  // 380 px including the 8 px resize edge.
  expect(box.width).toBe(372);
  expect(box.height).toBe(VIEW.height);
});

test('the collapse tab closes the sidebar and the launcher opens it again', async () => {
  const box = await frameBox();
  await tab.page.mouse.click(box.x - 8 - 14, 26); // the collapse tab hangs left of the panel's top
  await waitFor(async () => !(await frameVisible()), { what: 'sidebar hidden' });
  // Default launcher: on the right edge at 42 % of the height, clear of the chat input.
  await tab.page.mouse.click(VIEW.width - 24, Math.round(VIEW.height * 0.42));
  await waitFor(frameVisible, { what: 'sidebar shown again' });
});

test('the panel is resized by dragging its edge, and the width is remembered', async () => {
  const box = await frameBox();
  const edgeX = box.x - 4;
  await tab.page.mouse.move(edgeX, 400);
  await tab.page.mouse.down();
  await tab.page.mouse.move(edgeX - 100, 400, { steps: 5 });
  await tab.page.mouse.up();
  // The panel's left edge follows the pointer: panel = viewport − pointer x, frame = panel − 8 px edge.
  const wanted = VIEW.width - (edgeX - 100) - 8;
  await waitFor(async () => (await frameBox()).width === wanted, { what: 'panel 100 px wider' });
  await tab.page.reload();
  await b.api({ type: 'sidebar.toggle', tabId: tab.tabId, open: true });
  tab.frame = await sidebarFrame(tab.page);
  await waitFor(async () => (await frameBox()).width === wanted, { what: 'width remembered after reload' });
});

test('the launcher can be dragged away, a drag is not a click, and its place is remembered', async () => {
  await b.api({ type: 'sidebar.toggle', tabId: tab.tabId, open: false });
  await waitFor(async () => !(await frameVisible()), { what: 'sidebar hidden' });
  const from = { x: VIEW.width - 24, y: Math.round(VIEW.height * 0.42) };
  const to = { x: 300, y: 200 };
  await tab.page.mouse.move(from.x, from.y);
  await tab.page.mouse.down();
  await tab.page.mouse.move(to.x, to.y, { steps: 8 });
  await tab.page.mouse.up();
  expect(await frameVisible()).toBe(false);
  // The page under the old place gets the click now; the launcher is at the new place.
  await tab.page.reload();
  await tab.page.waitForTimeout(300);
  await waitFor(
    async () => {
      await tab.page.mouse.click(to.x, to.y);
      return tab.page.frames().some((f) => f.url().includes('/sidebar.html'));
    },
    { what: 'the launcher at its new place opens the sidebar', interval: 300 },
  );
});

test('the panel’s edge and collapse tab follow the theme setting, else the system’s', async () => {
  // The edge's colour (the resize bar left of the sidebar page), read through the frame's element.
  const edgeColour = async (t: SidebarTab) =>
    (await t.frame.frameElement()).evaluate((iframe) => getComputedStyle(iframe.parentElement!.querySelector('.edge')!).backgroundColor);
  const LIGHT = 'rgb(232, 235, 239)';
  const DARK = 'rgb(42, 47, 54)';
  // Each tab its own address: tabIdOf finds a tab by it.
  const url = (theme: string) => `${server.origin}/demo/chat.html?lang=en&delay=0&theme=${theme}`;
  try {
    await b.api({ type: 'settings.set', settings: { theme: 'dark' } });
    const dark = await openWithSidebar(b, url('dark'));
    expect(await edgeColour(dark)).toBe(DARK);
    await dark.page.close();

    await b.api({ type: 'settings.set', settings: { theme: 'light' } });
    const light = await openWithSidebar(b, url('light'));
    await light.page.emulateMedia({ colorScheme: 'dark' });
    expect(await edgeColour(light)).toBe(LIGHT);
    await light.page.close();

    await b.api({ type: 'settings.set', settings: { theme: 'auto' } });
    const auto = await openWithSidebar(b, url('auto'));
    await auto.page.emulateMedia({ colorScheme: 'dark' });
    expect(await edgeColour(auto)).toBe(DARK);
    await auto.page.emulateMedia({ colorScheme: 'light' });
    expect(await edgeColour(auto)).toBe(LIGHT);
    await auto.page.close();
  } finally {
    await b.api({ type: 'settings.set', settings: { theme: 'auto' } });
  }
});

test('an open page takes a settings change at once: the panel’s theme, the labels’ language, the launcher switch', async () => {
  const t = await openWithSidebar(b, `${server.origin}/demo/chat.html?lang=en&delay=0&tab=look`);
  const edgeColour = () => t.frame.frameElement().then((iframe) => iframe.evaluate((f) => getComputedStyle(f.parentElement!.querySelector('.edge')!).backgroundColor));
  const frameTitle = () => t.frame.frameElement().then((iframe) => iframe.getAttribute('title'));
  const launcherHidden = async () => (await closedShadowElement(t.page, 'launcher', [])).attr('hidden') !== null;
  try {
    expect(await edgeColour()).toBe('rgb(232, 235, 239)');
    expect(await frameTitle()).toBe('Chat Evidence sidebar');
    await b.api({ type: 'settings.set', settings: { theme: 'dark', language: 'zh-CN' } });
    await waitFor(async () => (await edgeColour()) === 'rgb(42, 47, 54)', { what: 'the edge dark' });
    await waitFor(async () => (await frameTitle()) === '聊天证据助手侧栏', { what: 'the frame title in Chinese' });
    expect((await closedShadowElement(t.page, 'collapse')).attr('aria-label')).toBe('收起侧栏');
    expect((await closedShadowElement(t.page, 'edge')).attr('title')).toBe('调整侧栏宽度（拖动或使用方向键）');

    // With the sidebar closed the launcher shows, in Chinese; switched off, it goes at once.
    await b.api({ type: 'sidebar.toggle', tabId: t.tabId, open: false });
    await waitFor(async () => !(await launcherHidden()), { what: 'the launcher shown' });
    expect((await closedShadowElement(t.page, 'launcher')).attr('aria-label')).toBe('打开聊天证据助手侧栏');
    await b.api({ type: 'settings.set', settings: { showLauncher: false } });
    await waitFor(launcherHidden, { what: 'the launcher hidden' });
    await b.api({ type: 'settings.set', settings: { showLauncher: true } });
    await waitFor(async () => !(await launcherHidden()), { what: 'the launcher shown again' });
  } finally {
    await b.api({ type: 'settings.set', settings: { theme: 'auto', language: 'auto', showLauncher: true } });
    await t.page.close();
  }
});
