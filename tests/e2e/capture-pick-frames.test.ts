// The chat-area picker in every frame of a tab: the person points at a chat that sits in an
// iframe (another origin, or the same one), the choice is remembered for the frame's own site,
// that frame's capture goes on with the picked area, and Esc in any frame ends it everywhere.
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { closedShadowElement } from './support/closed-shadow';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';
import { openExtensionPage } from './support/ui-pages';

let b: ExtensionBrowser;
let server: FixtureServer;

useExtensionAndFixtures((env) => void ({ b, server } = env));

type Entry = { kind: string; speaker: string; text: string };

const pickerShown = (f: Frame | Page) => f.evaluate(() => document.querySelector('[data-chat-evidence-picker]') !== null);
const say = (f: Frame, speaker: string, text: string) => f.evaluate(([s, t]) => (window as any).__chat.say(s, t), [speaker, text] as const);

async function entriesOf(sessionId: string): Promise<Entry[]> {
  const reply = await b.api({ type: 'session.export', sessionId, format: 'json' });
  expect(reply.ok).toBe(true);
  return reply.data.entries;
}

async function openWithChatFrame(path: string, frameUrl: (u: string) => boolean): Promise<{ page: Page; frame: Frame; tabId: number }> {
  const page = await b.context.newPage();
  await page.goto(`${server.origin}/fixtures/chats/${path}`);
  const frame = await waitFor(() => page.frames().find((f) => frameUrl(f.url())) ?? null, { what: 'chat frame' });
  await frame.waitForFunction(() => (window as any).__chat);
  return { page, frame, tabId: await b.tabIdOf(page) };
}

/** Starts capture.pick without waiting for its answer (wrapped, so awaiting this does not), and waits until every frame points. */
async function startPick(page: Page, frame: Frame, tabId: number): Promise<{ answer: Promise<any> }> {
  const answer = b.api({ type: 'capture.pick', tabId });
  await waitFor(async () => (await pickerShown(page)) && (await pickerShown(frame)), { what: 'the picker in both frames' });
  return { answer };
}

test('cross-origin iframe: pointing and clicking inside the frame picks its list, saved for the frame’s host; capture goes on with it', async () => {
  const { page, frame, tabId } = await openWithChatFrame('iframe-cross.html', (u) => u.startsWith('http://localhost:'));
  const frameHost = new URL(frame.url()).host;
  const { sessionId } = await b.api({ type: 'capture.start', tabId });
  await say(frame, 'agent', '您好，我是客服小美，工号10086，请问有什么可以帮您？');
  await say(frame, 'user', '你好，我的信用卡账单逾期了。');
  await waitFor(async () => (await entriesOf(sessionId)).length >= 2, { what: 'the first messages' });

  const { answer } = await startPick(page, frame, tabId);
  // Move over a message inside the frame (the highlight snaps to the list around it), then click.
  const box = (await frame.locator('.消息').first().boundingBox())!;
  await page.mouse.move(box.x - 200, box.y + 5);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const reply = await answer;
  expect(reply).toMatchObject({ ok: true });
  expect(typeof reply.selector).toBe('string');

  // The selector names the frame's message list, and is remembered for the frame's site only.
  expect(await frame.evaluate((sel) => document.querySelector(sel) === document.querySelector('.聊天记录'), reply.selector)).toBe(true);
  const { settings } = await b.api({ type: 'settings.get' });
  expect(settings.pickedChatAreas[frameHost]).toBe(reply.selector);
  expect(settings.pickedChatAreas[new URL(server.origin).host]).toBeUndefined();
  // The pointing ended in both frames; the page saw no click.
  expect(await pickerShown(frame)).toBe(false);
  expect(await pickerShown(page)).toBe(false);

  // The frame's capture restarted on the picked area: what was recorded is not recorded again, new messages are.
  await say(frame, 'agent', '请问您的欠款金额是多少？');
  await say(frame, 'user', '一共3200元。');
  await waitFor(async () => (await entriesOf(sessionId)).length >= 4, { what: 'messages after the pick' });
  await new Promise((r) => setTimeout(r, 800));
  expect((await entriesOf(sessionId)).map((e) => `${e.speaker}: ${e.text}`)).toEqual([
    'agent: 您好，我是客服小美，工号10086，请问有什么可以帮您？',
    'user: 你好，我的信用卡账单逾期了。',
    'agent: 请问您的欠款金额是多少？',
    'user: 一共3200元。',
  ]);
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
  await b.api({ type: 'settings.set', settings: { pickedChatAreas: {} } });
});

test('Esc in the top frame ends the pointing in every frame; capture.pick answers null and nothing is saved', async () => {
  const { page, frame, tabId } = await openWithChatFrame('iframe-same.html', (u) => u.endsWith('/plain-divs.html'));
  const before = (await b.api({ type: 'settings.get' })).settings.pickedChatAreas;
  const { answer } = await startPick(page, frame, tabId);
  await page.keyboard.press('Escape');
  expect(await answer).toEqual({ ok: true, selector: null });
  await waitFor(async () => !(await pickerShown(frame)) && !(await pickerShown(page)), { what: 'the picker gone from both frames' });
  expect((await b.api({ type: 'settings.get' })).settings.pickedChatAreas).toEqual(before);
  await page.close();
});

test('the picker’s tip speaks the language setting, not the browser’s', async () => {
  await b.api({ type: 'settings.set', settings: { language: 'zh-CN' } });
  try {
    const { page, frame, tabId } = await openWithChatFrame('iframe-same.html', (u) => u.endsWith('/plain-divs.html'));
    const { answer } = await startPick(page, frame, tabId);
    // The browser is en-US: the tip turns Chinese once the setting is read.
    await waitFor(async () => (await closedShadowElement(page, 'tip')).text.startsWith('点击聊天记录区域'), { what: 'the tip in Chinese' });
    await page.keyboard.press('Escape');
    expect(await answer).toEqual({ ok: true, selector: null });
    await page.close();
  } finally {
    await b.api({ type: 'settings.set', settings: { language: 'auto' } });
  }
});

test('Esc inside a same-origin iframe ends it in the top frame too', async () => {
  const { page, frame, tabId } = await openWithChatFrame('iframe-same.html', (u) => u.endsWith('/plain-divs.html'));
  const { answer } = await startPick(page, frame, tabId);
  await frame.evaluate(() => window.focus());
  expect(await frame.evaluate(() => document.hasFocus())).toBe(true);
  await page.keyboard.press('Escape');
  expect(await answer).toEqual({ ok: true, selector: null });
  await waitFor(async () => !(await pickerShown(frame)) && !(await pickerShown(page)), { what: 'the picker gone from both frames' });
  await page.close();
});

test('the popup’s “point at the chat” button starts the picker in every frame of its tab', async () => {
  const { page, frame, tabId } = await openWithChatFrame('iframe-same.html', (u) => u.endsWith('/plain-divs.html'));
  const popup = await openExtensionPage(b, `popup.html?tabId=${tabId}`, '[data-action="pick"]');
  await popup.click('[data-action="pick"]');
  await waitFor(async () => (await pickerShown(page)) && (await pickerShown(frame)), { what: 'the picker in both frames' });
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await waitFor(async () => !(await pickerShown(frame)) && !(await pickerShown(page)), { what: 'the picker gone from both frames' });
  // The popup waited for the answer (a cancel) and shows no error.
  await popup.waitForFunction(() => !document.querySelector('[data-action="pick"]')?.hasAttribute('disabled'));
  expect(await popup.locator('[role="alert"]').count()).toBe(0);
  await popup.close();
  await page.close();
});
