// The popup drives recording of a tab: start, live entry count, stop, recent
// sessions linking to the viewer, JSON export; and it paints quickly.
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { describe, expect, test } from 'vitest';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';
import { openDemoChat, openExtensionPage, say, setLook } from './support/ui-pages';

let b: ExtensionBrowser;
let server: FixtureServer;

useExtensionAndFixtures(async (env) => {
  ({ b, server } = env);
  await setLook(b, 'en', 'light');
});

describe('popup', () => {
  test('start, live count, stop, recent session, export JSON', async () => {
    const chat = await openDemoChat(b, server.origin, 'zh');
    const popup = await openExtensionPage(b, `popup.html?tabId=${chat.tabId}`, '[data-state="idle"]');
    expect(await popup.textContent('.popup-state')).toContain('Not recording');

    await popup.click('[data-action="start"]');
    await popup.waitForSelector('[data-state="recording"]');
    expect(await popup.textContent('.popup-state')).toContain('Recording');
    expect(await popup.isVisible('.rec-dot.is-live')).toBe(true);
    const status = await b.api({ type: 'capture.status', tabId: chat.tabId });
    expect(status).toMatchObject({ ok: true, capturing: true });

    // The chat goes on in its tab; the popup's count follows without a reload.
    await say(chat.page, '您好，我的花呗账单逾期了，想协商延期还款。');
    await say(chat.page, '我希望延期到下个月15号还清。');
    const shown = (await chat.page.evaluate(() => (window as any).__demo.transcript())).length;
    await waitFor(async () => (await popup.textContent('[data-testid="entry-count"]'))?.includes(`${shown} entries`), { what: `popup count ${shown}` });

    // The session is listed and links to the viewer.
    const link = popup.locator(`.recent-sessions a[href="viewer.html#session=${encodeURIComponent(status.sessionId)}"]`);
    await link.waitFor();
    expect(await link.textContent()).toContain('this tab');

    // Export JSON of the current session downloads the case file.
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action="export"]')]);
    expect(download.suggestedFilename()).toMatch(/^chat-evidence-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'chat-evidence', version: 1, session: { id: status.sessionId } });
    expect(file.entries.length).toBeGreaterThanOrEqual(shown);
    expect(await b.api({ type: 'session.verify', data: file })).toMatchObject({ ok: true, valid: true });

    await popup.click('[data-action="stop"]');
    await popup.waitForSelector('[data-state="idle"]');
    expect(await b.api({ type: 'capture.status', tabId: chat.tabId })).toMatchObject({ capturing: false });
    expect(await popup.textContent('[data-action="export"]')).toContain('latest session');
    expect(await popup.locator('[role="alert"]').count()).toBe(0);
    await Promise.all([popup.close(), chat.page.close()]);
  });

  test('open sidebar asks the background for the sidebar of that tab', async () => {
    const chat = await openDemoChat(b, server.origin, 'en');
    const popup = await openExtensionPage(b, `popup.html?tabId=${chat.tabId}`, '[data-state="idle"]');
    await popup.click('[data-action="sidebar"]');
    // The popup reports no error (a failing sidebar.toggle shows an alert).
    await popup.waitForTimeout(500);
    expect(await popup.locator('[role="alert"]').count()).toBe(0);
    await Promise.all([popup.close(), chat.page.close()]);
  });

  test('in Chinese it says 正在记录, and it paints its shell quickly', async () => {
    await setLook(b, 'zh-CN', 'light');
    const chat = await openDemoChat(b, server.origin, 'zh');
    await b.api({ type: 'capture.start', tabId: chat.tabId });
    const popup = await openExtensionPage(b, `popup.html?tabId=${chat.tabId}`, '[data-state="recording"]');
    expect(await popup.textContent('.popup-state')).toContain('正在记录');
    expect(await popup.getAttribute('html', 'lang')).toBe('zh-CN');
    // Reopen: the shell (heading, buttons, in words) paints as soon as the script runs.
    // ui-start → ui-ready is the app's own part (messages.json fetch + first render);
    // the time before ui-start is the browser loading the page, which a busy test
    // machine stretches, so it is logged, not asserted.
    await popup.reload();
    await popup.waitForSelector('h1');
    await popup.waitForTimeout(200);
    const t = await popup.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { start: at('ui-start'), ready: at('ui-ready'), fcp: at('first-contentful-paint') };
    });
    console.log(`popup: script start ${t.start.toFixed(0)} ms, shell with text ${t.ready.toFixed(0)} ms, first contentful paint ${t.fcp.toFixed(0)} ms`);
    // The budget is 100 ms (logged above). Test runs share the machine with other browsers,
    // which stretches every step, so the assertion only catches a shell that waits for data:
    // three times the budget, more on a machine busier than its cores.
    const busy = loadavg()[0] > cpus().length;
    expect(t.ready - t.start).toBeLessThan(busy ? 600 : 300);
    expect(t.fcp).toBeGreaterThanOrEqual(t.ready);
    await b.api({ type: 'capture.stop', tabId: chat.tabId });
    await setLook(b, 'en', 'light');
    await Promise.all([popup.close(), chat.page.close()]);
  });
});
