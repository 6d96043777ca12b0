// Firefox twin of the SPA-navigation, frame-picker and chat-order checks: Firefox 140 has no
// Navigation API, so an in-page pushState is noticed through tabs.onUpdated's nudge;
// tabs.sendMessage to every frame takes the first frame's answer as the pick's; and a list drawn
// bottom-up, with older history shown above it later, is stored in chat order and placed by a note;
// a picture message is read once its picture loads.
import type { Frame, Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { waitFor } from '../e2e/support/browser';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/support/firefox';
import { useBrowserAndFixtures, type FixtureServer } from '../e2e/support/suite';

let b: FirefoxExtensionBrowser;
let server: FixtureServer;

useBrowserAndFixtures(launchFirefoxWithExtension, (env) => void ({ b, server } = env));

type Entry = { speaker: string; text: string };
const NAV = '[continued after in-page navigation: ';
const RELOAD = '[continued after page load: ';

async function texts(sessionId: string): Promise<string[]> {
  const reply = await b.api({ type: 'session.export', sessionId, format: 'json' });
  return reply.data.entries.map((e: Entry) => (e.speaker === 'system' ? e.text : `${e.speaker}: ${e.text}`));
}

async function settle(sessionId: string, count: number): Promise<string[]> {
  await waitFor(async () => (await texts(sessionId)).length >= count, { what: `${count} entries`, timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 800));
  return texts(sessionId);
}

/** Starts capture in the page's tab and waits until the content script is recording. */
async function startCapture(page: Page): Promise<{ tabId: number; sessionId: string }> {
  const tabId = await b.tabIdOf(page);
  const { sessionId } = await b.api({ type: 'capture.start', tabId });
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).capturing, { what: 'capturing' });
  return { tabId, sessionId };
}

const say = (f: Page | Frame, speaker: string, text: string) => f.evaluate((s, t) => (window as any).__chat.say(s, t), speaker, text);
const pickerShown = (f: Page | Frame) => f.evaluate(() => document.querySelector('[data-chat-evidence-picker]') !== null);

test('pushState and a hash change each add one note; a reload adds only its own', async () => {
  const page = await b.browser.newPage();
  const base = `${server.origin}/fixtures/chats/spa-chat.html`;
  await page.goto(base);
  const { tabId, sessionId } = await startCapture(page);
  await new Promise((r) => setTimeout(r, 300));
  await say(page, 'agent', 'Hello, this is Lily from Acme Bank.');
  await settle(sessionId, 1);
  await page.evaluate(() => (window as any).__spa.push('?view=billing'));
  await settle(sessionId, 2);
  await page.evaluate(() => (location.hash = 'details'));
  await say(page, 'user', 'Can I pay in instalments?');
  await settle(sessionId, 4);
  await page.reload();
  await page.waitForFunction(() => (window as any).__chat);
  await new Promise((r) => setTimeout(r, 500));
  await say(page, 'agent', 'Yes, six instalments are possible.');
  const all = await settle(sessionId, 6);
  expect(all.filter((t) => !t.startsWith('['))).toEqual([
    'agent: Hello, this is Lily from Acme Bank.',
    'user: Can I pay in instalments?',
    'agent: Yes, six instalments are possible.',
  ]);
  expect(all.filter((t) => t.startsWith('['))).toEqual([`${NAV}${base}?view=billing]`, `${NAV}${base}?view=billing#details]`, `${RELOAD}${base}?view=billing#details]`]);
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('a list drawn bottom-up (newest first in the page): chat order, and older history shown later placed by a note', async () => {
  const page = await b.browser.newPage();
  await page.goto(`${server.origin}/fixtures/chats/newest-first.html`);
  const first = await say(page, 'agent', 'Hello, this is Lily from Acme Card.');
  await say(page, 'user', 'My bill is overdue.');
  const { tabId, sessionId } = await startCapture(page);
  await settle(sessionId, 2);
  await say(page, 'agent', 'You can pay on the 20th without a fee.');
  await settle(sessionId, 3);
  await page.evaluate((id) => {
    (window as any).__chat.say('agent', 'Welcome to Acme Card live help.', { before: id });
    (window as any).__chat.say('user', 'Hello?', { before: id });
  }, first);
  expect(await settle(sessionId, 6)).toEqual([
    'agent: Hello, this is Lily from Acme Card.',
    'user: My bill is overdue.',
    'agent: You can pay on the 20th without a fee.',
    'agent: Welcome to Acme Card live help.',
    'user: Hello?',
    '[entries #3–#4 are older messages the page showed later: in the chat they come before entry #0]',
  ]);
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('picker in a cross-origin iframe: a click inside picks the frame’s list for its host; Esc ends it in every frame', async () => {
  const page = await b.browser.newPage();
  await page.goto(`${server.origin}/fixtures/chats/iframe-cross.html`);
  const frame = await waitFor(() => page.frames().find((f) => f.url().startsWith('http://localhost:')) ?? null, { what: 'chat frame' });
  await frame.waitForFunction(() => (window as any).__chat);
  await say(frame, 'agent', '您好，我是客服小美，工号10086。');
  await say(frame, 'user', '你好，我的信用卡账单逾期了。');
  const tabId = await b.tabIdOf(page);

  let answer = b.api({ type: 'capture.pick', tabId });
  await waitFor(async () => (await pickerShown(page)) && (await pickerShown(frame)), { what: 'the picker in both frames' });
  await page.keyboard.press('Escape');
  expect(await answer).toEqual({ ok: true, selector: null });
  await waitFor(async () => !(await pickerShown(page)) && !(await pickerShown(frame)), { what: 'the picker gone' });

  answer = b.api({ type: 'capture.pick', tabId });
  await waitFor(async () => (await pickerShown(page)) && (await pickerShown(frame)), { what: 'the picker in both frames' });
  // Where the message is on the page, worked out here: an element handle's boundingBox() in a
  // child frame asks Firefox for the frame's element with a BiDi locator Firefox 140.12 refuses.
  const inFrame = await frame.evaluate(() => {
    const r = document.querySelector('.消息')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const frameAt = await page.evaluate(() => {
    const el = document.querySelector('iframe')!;
    const r = el.getBoundingClientRect();
    return { x: r.x + el.clientLeft, y: r.y + el.clientTop };
  });
  const box = { ...inFrame, x: frameAt.x + inFrame.x, y: frameAt.y + inFrame.y };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const reply = await answer;
  expect(typeof reply.selector).toBe('string');
  expect(await frame.evaluate((sel) => document.querySelector(sel) === document.querySelector('.聊天记录'), reply.selector)).toBe(true);
  const { settings } = await b.api({ type: 'settings.get' });
  expect(settings.pickedChatAreas[new URL(frame.url()).host]).toBe(reply.selector);
  await page.close();
});

test('a message that is only a picture is stored as "[image: its file name]" once its picture has loaded; one with words beside them', async () => {
  const page = await b.browser.newPage();
  await page.goto(`${server.origin}/fixtures/chats/plain-divs.html`);
  const { tabId, sessionId } = await startCapture(page);
  await new Promise((r) => setTimeout(r, 300));
  await say(page, 'agent', '这是您的分期还款计划，请查收。');
  await settle(sessionId, 1);
  // A row as the page draws the agent's messages, its bubble a picture with no address yet.
  await page.evaluate(() => {
    const row = document.createElement('div');
    row.className = 'message message--incoming';
    row.innerHTML = '<div class="message__bubble"><img id="plan"><div><span class="message__time">10:30</span></div></div>';
    document.querySelector('.messages')!.append(row);
  });
  await new Promise((r) => setTimeout(r, 300));
  // It loads: the content script hears the load event through Firefox's Xray wrappers and reads the row again.
  await page.evaluate(() => document.querySelector('#plan')!.setAttribute('src', 'repayment-plan.svg'));
  expect(await settle(sessionId, 2)).toEqual(['agent: 这是您的分期还款计划，请查收。', 'agent: [image: repayment-plan.svg]']);
  // A picture sent with words: the words wait for it (Firefox's img.complete, and its load event) and are recorded beside it, once.
  await page.evaluate(() => {
    const row = document.createElement('div');
    row.className = 'message message--outgoing';
    row.innerHTML = '<div class="message__bubble"><img src="repayment-plan.svg?proof" alt="还款凭证"><p>这是我的还款凭证</p><div><span class="message__time">10:31</span></div></div>';
    document.querySelector('.messages')!.append(row);
  });
  expect(await settle(sessionId, 3)).toEqual(['agent: 这是您的分期还款计划，请查收。', 'agent: [image: repayment-plan.svg]', 'user: [image: 还款凭证] 这是我的还款凭证']);
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});
