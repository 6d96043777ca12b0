// Capture through the real extension on the hand-made chat fixtures: capture.start from an
// extension page, the page's scripted conversation, then session.export. The exported
// entries must be the script exactly: each message once, right speaker, in order, with
// edits and recalls as their own entries pointing at the right message.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';

let b: ExtensionBrowser;
let server: FixtureServer;

useExtensionAndFixtures((env) => void ({ b, server } = env));

type Entry = { seq: number; kind: string; speaker: string; text: string; ref: number | null; author: string | null };

const say = (f: Frame | Page, speaker: string, text: string, author?: string) =>
  f.evaluate(([s, t, a]) => (window as any).__chat.say(s, t, a ? { author: a } : {}), [speaker, text, author] as const) as Promise<string>;

async function exported(sessionId: string): Promise<{ entries: Entry[]; session: any }> {
  const reply = await b.api({ type: 'session.export', sessionId, format: 'json' });
  expect(reply.ok).toBe(true);
  return reply.data;
}

/** Waits until the session holds `count` entries, then a little longer to catch anything extra. */
async function settle(sessionId: string, count: number): Promise<Entry[]> {
  await waitFor(async () => (await exported(sessionId)).entries.length >= count, { what: `${count} entries`, timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 800));
  return (await exported(sessionId)).entries;
}

async function start(page: Page): Promise<string> {
  const tabId = await b.tabIdOf(page);
  const reply = await b.api({ type: 'capture.start', tabId });
  expect(reply).toMatchObject({ ok: true });
  // The content scripts of every frame are told to start; give them a moment to attach.
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).capturing, { what: 'capturing' });
  await new Promise((r) => setTimeout(r, 300));
  return reply.sessionId;
}

const lines = (entries: Entry[]) => entries.map((e) => ({ kind: e.kind, speaker: e.speaker, text: e.text }));

const SCRIPT_EN: [string, string][] = [
  ['agent', "Hello, I'm Lily, agent ID A-1234. How can I help you today?"],
  ['user', 'Hi, my credit card bill is overdue and I cannot pay it this month.'],
  ['agent', 'I understand. Could you tell me the amount due?'],
  ['user', 'It is 3,200 yuan, due on the 5th.'],
  ['user', 'Could I pay in 6 instalments?'],
  ['agent', 'Let me check that for you.'],
];
const SCRIPT_ZH: [string, string][] = [
  ['agent', '您好，我是客服小美，工号10086，请问有什么可以帮您？'],
  ['user', '你好，我的信用卡账单逾期了，这个月还不上。'],
  ['agent', '请问您的欠款金额是多少？'],
  ['user', '一共3200元。'],
  ['user', '能不能申请分期还款？'],
  ['agent', '好的，我帮您查询一下。'],
];
const asMessages = (script: [string, string][]) => script.map(([speaker, text]) => ({ kind: 'message', speaker, text }));

describe('capture through the extension', () => {
  test('plain divs: script exactly once, in order; typing, chips, banner, receipts left out; agent identity learnt', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/chats/plain-divs.html`);
    const sessionId = await start(page);
    await page.evaluate(() => (window as any).__chat.noise(true));
    await say(page, 'system', 'Lily joined the chat');
    for (const [s, t] of SCRIPT_EN) {
      await page.evaluate(() => (window as any).__chat.typing(true));
      await say(page, s, t, s === 'agent' ? 'Lily' : undefined);
      await page.evaluate(() => (window as any).__chat.typing(false));
    }
    await page.evaluate(() => (window as any).addQuickReplies(['Yes', 'No']));
    const entries = await settle(sessionId, SCRIPT_EN.length + 1);
    await page.evaluate(() => (window as any).__chat.noise(false));
    expect(lines(entries)).toEqual([{ kind: 'message', speaker: 'system', text: 'Lily joined the chat' }, ...asMessages(SCRIPT_EN)]);
    expect(entries[1].author).toBe('Lily');
    const { session } = await exported(sessionId);
    expect(session.agent).toEqual({ name: 'Lily', employeeId: 'A-1234' });
    await page.close();
  });

  test('ARIA log: speakers from layout; an edit and a deletion become entries referring to their message', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/chats/aria-log.html`);
    const sessionId = await start(page);
    const ids: string[] = [];
    for (const [s, t] of SCRIPT_EN) ids.push(await say(page, s, t));
    await settle(sessionId, SCRIPT_EN.length);
    await page.evaluate(([id]) => (window as any).__chat.edit(id, 'It is 3,300 yuan, due on the 5th.'), [ids[3]]);
    await page.evaluate(([id]) => (window as any).__chat.recall(id), [ids[5]]);
    const entries = await settle(sessionId, SCRIPT_EN.length + 2);
    expect(entries.slice(0, 6).map((e) => ({ kind: e.kind, speaker: e.speaker, text: e.text }))).toEqual(asMessages(SCRIPT_EN));
    expect(entries.slice(6).map((e) => ({ kind: e.kind, ref: e.ref }))).toEqual([
      { kind: 'edit', ref: 3 },
      { kind: 'remove', ref: 5 },
    ]);
    expect(entries[6].text).toBe('It is 3,300 yuan, due on the 5th.');
    expect(entries).toHaveLength(8);
    await page.close();
  });

  test('Chinese markup in a cross-origin iframe: the frame captures, the agent comes from the header, 撤回 is a removal', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/chats/iframe-cross.html`);
    const frame = await waitFor(() => page.frames().find((f) => f.url().startsWith('http://localhost:')) ?? null, { what: 'chat frame' });
    await frame.waitForFunction(() => (window as any).__chat);
    const sessionId = await start(page);
    const ids: string[] = [];
    for (const [s, t] of SCRIPT_ZH) {
      await frame.evaluate(() => (window as any).__chat.typing(true));
      ids.push(await say(frame, s, t));
      await frame.evaluate(() => (window as any).__chat.typing(false));
    }
    await settle(sessionId, SCRIPT_ZH.length);
    await frame.evaluate(([id]) => (window as any).__chat.recall(id), [ids[1]]);
    const entries = await settle(sessionId, SCRIPT_ZH.length + 1);
    expect(lines(entries.slice(0, 6))).toEqual(asMessages(SCRIPT_ZH));
    expect(entries.slice(6).map((e) => ({ kind: e.kind, ref: e.ref }))).toEqual([{ kind: 'remove', ref: 1 }]);
    const { session } = await exported(sessionId);
    expect(session.agent).toEqual({ name: '小美', employeeId: '10086' });
    await page.close();
  });

  test('a picture that loads after the reply below it was recorded: both stored, then a note placing the picture before the reply', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/chats/plain-divs.html`);
    const sessionId = await start(page);
    await say(page, 'agent', 'Here is your repayment plan.');
    // The agent's picture row is drawn before its picture has an address (nothing to measure yet).
    await page.evaluate(() => {
      const row = document.createElement('div');
      row.className = 'message message--incoming';
      row.innerHTML = '<div class="message__bubble"><img id="plan"></div>';
      document.querySelector('.messages')!.append(row);
    });
    await say(page, 'user', 'Thank you, I will read it.');
    await settle(sessionId, 2);
    await page.evaluate(() => document.querySelector('#plan')!.setAttribute('src', 'repayment-plan.svg'));
    const entries = await settle(sessionId, 4);
    expect(entries.map((e) => [e.seq, e.speaker, e.text])).toEqual([
      [0, 'agent', 'Here is your repayment plan.'],
      [1, 'user', 'Thank you, I will read it.'],
      [2, 'agent', '[image: repayment-plan.svg]'],
      [3, 'system', '[entry #2 became a message on the page after later ones were recorded: in the chat it comes before entry #1]'],
    ]);
    await page.close();
  });

  test('a list drawn bottom-up with its newest message first: chat order, an edit, and older history placed by a note', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/chats/newest-first.html`);
    const ids: string[] = [];
    for (const [s, t] of SCRIPT_EN.slice(0, 2)) ids.push(await say(page, s, t));
    const sessionId = await start(page);
    for (const [s, t] of SCRIPT_EN.slice(2)) {
      await page.evaluate(() => (window as any).__chat.typing(true));
      ids.push(await say(page, s, t));
      await page.evaluate(() => (window as any).__chat.typing(false));
    }
    await settle(sessionId, SCRIPT_EN.length);
    await page.evaluate(([id]) => (window as any).__chat.edit(id, 'It is 3,300 yuan, due on the 5th.'), [ids[3]]);
    await settle(sessionId, SCRIPT_EN.length + 1);
    // Older history the page then shows above the first message.
    await page.evaluate(([id]) => {
      (window as any).__chat.say('agent', 'Welcome to Acme Card live help.', { before: id });
      (window as any).__chat.say('user', 'Hello?', { before: id });
    }, [ids[0]]);
    const entries = await settle(sessionId, SCRIPT_EN.length + 4);
    expect(lines(entries.slice(0, 6))).toEqual(asMessages(SCRIPT_EN));
    expect(entries.slice(6).map((e) => [e.kind, e.speaker, e.ref, e.text])).toEqual([
      ['edit', 'user', 3, 'It is 3,300 yuan, due on the 5th.'],
      ['message', 'agent', null, 'Welcome to Acme Card live help.'],
      ['message', 'user', null, 'Hello?'],
      ['message', 'system', null, '[entries #7–#8 are older messages the page showed later: in the chat they come before entry #0]'],
    ]);
    await page.close();
  });

  test('web component with open shadow roots (list in one, each message’s text in its own)', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/chats/shadow.html`);
    await page.waitForFunction(() => (window as any).__chatReady);
    const sessionId = await start(page);
    for (const [s, t] of SCRIPT_EN) await say(page, s, t);
    const entries = await settle(sessionId, SCRIPT_EN.length);
    expect(lines(entries)).toEqual(asMessages(SCRIPT_EN));
    await page.close();
  });

  test('the service worker stopped mid-conversation: nothing lost, nothing doubled', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/chats/chinese.html`);
    const sessionId = await start(page);
    for (const [s, t] of SCRIPT_ZH.slice(0, 3)) await say(page, s, t);
    await settle(sessionId, 3);
    // A DevTools session on an extension page reaches the extension's own service worker.
    const cdp = await b.context.newCDPSession(b.apiPage);
    // A mark in the worker's global scope: gone once the worker was really stopped and restarted.
    await b.context.serviceWorkers().at(-1)!.evaluate(() => ((globalThis as any).__beforeStop = true));
    for (let round = 0; round < 2; round++) {
      // Stop the worker right after a message, before its batch can be acknowledged.
      const [s, t] = SCRIPT_ZH[3 + round];
      await say(page, s, t);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 300));
    }
    await say(page, ...SCRIPT_ZH[5]);
    const entries = await settle(sessionId, SCRIPT_ZH.length);
    expect(await b.context.serviceWorkers().at(-1)!.evaluate(() => (globalThis as any).__beforeStop ?? false)).toBe(false);
    expect(lines(entries)).toEqual(asMessages(SCRIPT_ZH));
    await page.close();
  });

  test('same-origin iframe: reload keeps going without recording the history twice', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/chats/iframe-same.html`);
    const frameOf = () => waitFor(() => page.frames().find((f) => f.url().endsWith('/plain-divs.html')) ?? null, { what: 'chat frame' });
    let frame = await frameOf();
    await frame.waitForFunction(() => (window as any).__chat);
    const sessionId = await start(page);
    for (const [s, t] of SCRIPT_EN.slice(0, 3)) await say(frame, s, t);
    await settle(sessionId, 3);
    // The page reloads and shows its history again (as chat pages do), then the chat goes on.
    await page.reload();
    frame = await frameOf();
    await frame.waitForFunction(() => (window as any).__chat);
    for (const [s, t] of SCRIPT_EN.slice(0, 3)) await frame.evaluate(([sp, tx]) => (window as any).__chat.say(sp, tx), [s, t]);
    await new Promise((r) => setTimeout(r, 1500));
    for (const [s, t] of SCRIPT_EN.slice(3)) await say(frame, s, t);
    const entries = (await settle(sessionId, SCRIPT_EN.length + 1)).filter((e) => !e.text.startsWith('[continued after page load'));
    expect(lines(entries)).toEqual(asMessages(SCRIPT_EN));
    await page.close();
  });
});
