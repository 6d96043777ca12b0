// Capture records what the page shows. When recording starts on a chat that holds older
// messages the page does not show (a virtualised list scrolled to its end, a "load earlier
// messages" button), capture.status says so and the popup and the sidebar tell the person to
// scroll up through them, until the page shows the start of the chat; a long chat whose rows are
// all in the page raises no such notice.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openWithSidebar, showPanel } from './sidebar-helpers';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';
import { openExtensionPage, setLook } from './support/ui-pages';

let b: ExtensionBrowser;
let server: FixtureServer;

useExtensionAndFixtures(async (env) => {
  ({ b, server } = env);
  await setLook(b, 'en', 'light');
});

const NOTICE = 'When recording started, this chat seemed to have older messages that were not on the page.';

async function fill(page: Page, n: number) {
  await page.evaluate((n) => {
    for (let i = 0; i < n; i++) (window as any).__chat.say(i % 2 ? 'user' : 'agent', `Message number ${i + 1} about the overdue bill.`);
  }, n);
}

/** A new tab on the plain chat fixture showing `n` messages. */
async function plainChat(n: number): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${server.origin}/fixtures/chats/plain-divs.html`);
  await fill(page, n);
  return page;
}

async function record(page: Page, stored: number) {
  const tabId = await b.tabIdOf(page);
  const { sessionId } = await b.api({ type: 'capture.start', tabId });
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count >= stored, { what: `${stored} entries`, timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 300));
  return { tabId, sessionId, status: await b.api({ type: 'capture.status', tabId }) };
}

/**
 * The 60 messages of fill() were each stored once: the `first` recorded when capture started, then
 * the older ones in chat order, then one note placing them before entry #0; no edits or removals.
 */
async function expectOlderPlaced(sessionId: string, first: number) {
  const exported = await b.api({ type: 'session.export', sessionId, format: 'json' });
  const entries: any[] = exported.data.entries;
  expect(entries.filter((e) => e.kind !== 'message')).toEqual([]);
  const texts: string[] = entries.filter((e) => e.speaker !== 'system').map((e) => e.text);
  expect(texts).toHaveLength(60);
  expect([...texts.slice(first), ...texts.slice(0, first)]).toEqual(Array.from({ length: 60 }, (_, i) => `Message number ${i + 1} about the overdue bill.`));
  expect(entries.filter((e) => e.speaker === 'system').map((e) => [e.seq, e.text])).toEqual([
    [60, `[entries #${first}–#59 are older messages the page showed later: in the chat they come before entry #0]`],
  ]);
}

test('a virtualised list scrolled to its end: capture.status, the popup and the sidebar say older messages may be missing', async () => {
  const { page, tabId, frame } = await openWithSidebar(b, `${server.origin}/fixtures/chats/virtual.html`);
  await fill(page, 60);
  expect(await page.evaluate(() => (window as any).__chat.renderedCount())).toBeLessThan(15);
  const { status, sessionId } = await record(page, 8);
  expect(status.olderMessagesHidden).toBe(true);

  const popup = await openExtensionPage(b, `popup.html?tabId=${tabId}`, '[data-state="recording"]');
  expect(await popup.textContent('[data-testid="older-hidden"]')).toContain(NOTICE);
  await popup.close();

  await showPanel(frame, 'transcript');
  await frame.waitForSelector('.older-hidden');
  expect(await frame.textContent('.older-hidden')).toContain(NOTICE);

  // Doing what it says records the older messages, each once, also on the way back down: once
  // the scrolling up settled, in chat order, followed by a note that says where they belong.
  await page.evaluate(() => (window as any).__chat.scrollThrough());
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count >= 61, { what: '61 entries', timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 800));
  await expectOlderPlaced(sessionId, status.count);
  // The page showed the start of the chat on the way (it is back at the end now, drawing only
  // the last rows): the notice is lifted.
  expect(await page.evaluate(() => (window as any).__chat.renderedCount())).toBeLessThan(15);
  await waitFor(async () => !(await b.api({ type: 'capture.status', tabId })).olderMessagesHidden, { what: 'the notice lifted', timeout: 5_000 });
  await frame.waitForSelector('.older-hidden', { state: 'detached' });
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('a virtualised list dragged to the top at once, then scrolled down through: each message once, the older ones placed before the first recorded', async () => {
  const page = await b.context.newPage();
  await page.goto(`${server.origin}/fixtures/chats/virtual.html`);
  await fill(page, 60);
  const { tabId, sessionId, status } = await record(page, 8);
  // None of the rows drawn at the top is one recorded: only the scroll up says they are older.
  await page.evaluate(async () => {
    const scroller = document.querySelector('.chat-scroller')!;
    const pause = () => new Promise((r) => setTimeout(r, 30));
    scroller.scrollTop = 0;
    await pause();
    for (let y = 0; y <= scroller.scrollHeight; y += 40) {
      scroller.scrollTop = y;
      await pause();
    }
  });
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count >= 61, { what: '61 entries', timeout: 15_000 });
  await expectOlderPlaced(sessionId, status.count);
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('a "load earlier messages" button at the top of the list raises the notice too, until it is gone', async () => {
  const page = await plainChat(4);
  await page.evaluate(() => document.querySelector('.messages')!.insertAdjacentHTML('afterbegin', '<div class="history-loader"><button type="button">Load earlier messages</button></div>'));
  const { status, tabId } = await record(page, 4);
  expect(status.olderMessagesHidden).toBe(true);
  // Still there after a look: the chat has more to load.
  await new Promise((r) => setTimeout(r, 1700));
  expect((await b.api({ type: 'capture.status', tabId })).olderMessagesHidden).toBe(true);
  // Everything loaded: the page takes the button away, nobody scrolls.
  await page.evaluate(() => document.querySelector('.history-loader')!.remove());
  await waitFor(async () => !(await b.api({ type: 'capture.status', tabId })).olderMessagesHidden, { what: 'the notice lifted', timeout: 5_000 });
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('older messages the page then shows above the recorded ones: stored in chat order, with a note in the person\'s language', async () => {
  await setLook(b, 'zh-CN', 'light');
  try {
    const page = await plainChat(4);
    const { tabId, sessionId } = await record(page, 4);
    // What a "load earlier messages" button does: the older ones go in above the first message.
    await page.evaluate(() => {
      for (let i = 1; i <= 6; i++) (window as any).__chat.say(i % 2 ? 'agent' : 'user', `更早的第 ${i} 条消息`, { before: 'm1' });
    });
    await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count >= 11, { what: '11 entries', timeout: 15_000 });
    const exported = await b.api({ type: 'session.export', sessionId, format: 'json' });
    expect(exported.data.entries.map((e: any) => [e.seq, e.speaker, e.text])).toEqual([
      ...[1, 2, 3, 4].map((n, i) => [i, n % 2 ? 'agent' : 'user', `Message number ${n} about the overdue bill.`]),
      ...[1, 2, 3, 4, 5, 6].map((n, i) => [4 + i, n % 2 ? 'agent' : 'user', `更早的第 ${n} 条消息`]),
      [10, 'system', '[条目 #4–#9 是页面稍后才显示的较早消息，在聊天中位于条目 #0 之前]'],
    ]);
    await b.api({ type: 'capture.stop', tabId });
    await page.close();
  } finally {
    await setLook(b, 'en', 'light');
  }
});

test('a long chat whose rows are all in the page, scrolled to its end: no notice', async () => {
  const page = await plainChat(40);
  expect(await page.evaluate(() => document.querySelector('.messages')!.scrollTop)).toBeGreaterThan(0);
  const { status, tabId } = await record(page, 40);
  expect(status.olderMessagesHidden).toBeUndefined();
  const popup = await openExtensionPage(b, `popup.html?tabId=${tabId}`, '[data-state="recording"]');
  expect(await popup.$('[data-testid="older-hidden"]')).toBeNull();
  await popup.close();
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});
