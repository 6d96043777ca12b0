// The viewer's session list (search by text, site, date), a session's transcript
// and chain verdict, the three exports, deep links, and deleting after confirmation.
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';
import { EN_LINES, openExtensionPage, recordDemoSession, setLook, ZH_LINES } from './support/ui-pages';

let b: ExtensionBrowser;
let server: FixtureServer;
let zhSession: string;
let enSession: string;

useExtensionAndFixtures(async (env) => {
  ({ b, server } = env);
  await setLook(b, 'en', 'light');
  const zh = await recordDemoSession(b, server.origin, 'zh', ZH_LINES, 'a');
  await b.api({ type: 'capture.stop', tabId: zh.chat.tabId });
  const en = await recordDemoSession(b, server.origin, 'en', EN_LINES, 'b');
  await b.api({ type: 'capture.stop', tabId: en.chat.tabId });
  [zhSession, enSession] = [zh.sessionId, en.sessionId];
});

const shownIds = (page: Page) => page.$$eval('.session-card', (els) => els.map((e) => e.getAttribute('data-session-id')));

async function download(page: Page, action: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="${action}"]`)]);
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

describe('viewer', () => {
  test('lists sessions and filters them by transcript text, site and date', async () => {
    const page = await openExtensionPage(b, 'viewer.html', '.session-card');
    expect(new Set(await shownIds(page))).toEqual(new Set([zhSession, enSession]));
    expect(await page.textContent('[data-testid="storage-usage"]')).toMatch(/used.*available/);

    // Words said in the chat (not in any title) find their session once transcripts load.
    await page.fill('#filter-text', '延期到下个月');
    await waitFor(async () => JSON.stringify(await shownIds(page)) === JSON.stringify([zhSession]), { what: 'text search hit' });
    expect(await page.textContent('.session-snippet')).toContain('延期到下个月');
    await page.fill('#filter-text', 'no such words anywhere');
    await page.waitForSelector('text=No session matches this search.');
    await page.fill('#filter-text', '');

    const site = new URL(server.origin).host;
    await page.selectOption('#filter-site', site);
    expect((await shownIds(page)).length).toBe(2);
    await page.fill('#filter-from', '2000-01-01');
    await page.fill('#filter-to', '2000-12-31');
    expect(await shownIds(page)).toEqual([]);
    await page.fill('#filter-to', '');
    expect((await shownIds(page)).length).toBe(2);
    await page.close();
  });

  test('a session shows its transcript, a verified chain, and exports JSON, HTML and ZIP', async () => {
    const page = await openExtensionPage(b, `viewer.html#session=${zhSession}`, '[data-verdict="valid"]');
    expect(await page.textContent('[data-testid="chain-verdict"]')).toMatch(/Verified ✓ \(\d+ entries\)/);
    const texts = await page.$$eval('.entry .entry-text', (els) => els.map((e) => e.textContent));
    for (const line of ZH_LINES) expect(texts).toContain(line);
    expect(await page.locator('.entry.speaker-agent').count()).toBeGreaterThan(0);

    const json = await download(page, 'export-json');
    expect(json.name).toMatch(/\.json$/);
    const file = JSON.parse(json.bytes.toString('utf8'));
    expect(file.session.id).toBe(zhSession);

    const html = await download(page, 'export-html');
    const report = html.bytes.toString('utf8');
    expect(report).toContain('<script type="application/json" id="case-file">');
    const embedded = JSON.parse(/id="case-file">([\s\S]*?)<\/script>/.exec(report)![1]);
    expect(embedded).toEqual(file);
    expect(await b.api({ type: 'session.verify', data: embedded })).toMatchObject({ valid: true });

    const zip = await download(page, 'export-zip');
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['case.json', 'report.html']));
    expect(JSON.parse(strFromU8(files['case.json']))).toEqual(file);
    await page.close();
  });

  test('the transcript shows the agent and the viewer follows deep links between pages', async () => {
    const page = await openExtensionPage(b, 'viewer.html', '.session-card');
    await page.click(`.session-card[data-session-id="${enSession}"]`);
    await page.waitForSelector('[data-verdict="valid"]');
    expect(page.url()).toContain(`#session=${enSession}`);
    expect(await page.textContent('.transcript')).toContain(EN_LINES[0]);
    await page.click('text=← All sessions');
    await page.waitForSelector('.session-card');
    await page.goto(`chrome-extension://${b.extensionId}/viewer.html#session=does-not-exist`);
    await page.waitForSelector('text=This session does not exist (any more).');
    await page.close();
  });

  test('deleting asks first, then removes the session', async () => {
    const page = await openExtensionPage(b, `viewer.html#session=${enSession}`, '[data-verdict="valid"]');
    await page.click('[data-action="delete"]');
    await page.waitForSelector('[role="alertdialog"]');
    await page.click('text=Cancel');
    expect((await b.api({ type: 'session.list' })).sessions.map((s: any) => s.id)).toContain(enSession);
    await page.click('[data-action="delete"]');
    await page.click('[data-action="confirm-delete"]');
    await page.waitForSelector('.session-card');
    expect(await shownIds(page)).toEqual([zhSession]);
    expect((await b.api({ type: 'session.list' })).sessions.map((s: any) => s.id)).not.toContain(enSession);
    await page.close();
  });
});
