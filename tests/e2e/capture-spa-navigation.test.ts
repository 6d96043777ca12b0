// Capture goes on in the same session when a single-page app changes its address in place
// (pushState, replaceState to another address, a hash change, back within the page): each
// navigation adds exactly one system note between the messages before and after it, and a
// real reload still adds exactly its one reload note and no navigation note.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';

let b: ExtensionBrowser;
let server: FixtureServer;

useExtensionAndFixtures((env) => void ({ b, server } = env));

type Entry = { seq: number; kind: string; speaker: string; text: string };

const NAV = '[continued after in-page navigation: ';
const RELOAD = '[continued after page load: ';

async function entriesOf(sessionId: string): Promise<Entry[]> {
  const reply = await b.api({ type: 'session.export', sessionId, format: 'json' });
  expect(reply.ok).toBe(true);
  return reply.data.entries;
}

/** Waits until the session holds `count` entries, then a little longer to catch anything extra. */
async function settle(sessionId: string, count: number): Promise<Entry[]> {
  await waitFor(async () => (await entriesOf(sessionId)).length >= count, { what: `${count} entries`, timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 800));
  return entriesOf(sessionId);
}

const say = (page: Page, speaker: string, text: string) => page.evaluate(([s, t]) => (window as any).__chat.say(s, t), [speaker, text] as const);
const texts = (entries: Entry[]) => entries.map((e) => (e.speaker === 'system' ? e.text : `${e.speaker}: ${e.text}`));

async function openRecording(path: string): Promise<{ page: Page; tabId: number; sessionId: string; base: string }> {
  const page = await b.context.newPage();
  const base = `${server.origin}/fixtures/chats/${path}`;
  await page.goto(base);
  const tabId = await b.tabIdOf(page);
  const { sessionId } = await b.api({ type: 'capture.start', tabId });
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).capturing, { what: 'capturing' });
  await new Promise((r) => setTimeout(r, 300));
  return { page, tabId, sessionId, base };
}

test('pushState, a hash change, replaceState to another address and back: one note each, messages before and after in one session', async () => {
  const { page, tabId, sessionId, base } = await openRecording('spa-chat.html');
  await say(page, 'agent', 'Hello, this is Lily from Acme Bank.');
  await say(page, 'user', 'My card bill is overdue.');
  await settle(sessionId, 2);

  await page.evaluate(() => (window as any).__spa.push('?view=billing'));
  await say(page, 'agent', 'I have opened your billing page.');
  await settle(sessionId, 4);

  await page.evaluate(() => (location.hash = 'details'));
  await say(page, 'user', 'Can I pay in instalments?');
  await settle(sessionId, 6);

  // Same address again: no navigation. Another address: one.
  await page.evaluate(() => (window as any).__spa.replace(location.href));
  await page.evaluate(() => (window as any).__spa.replace('?view=plan'));
  await say(page, 'agent', 'Yes, six instalments are possible.');
  await settle(sessionId, 8);

  // Back within the page (popstate) is a navigation of its own.
  // history.back() traverses asynchronously: the test waits for the page to arrive before speaking.
  await page.evaluate(() => new Promise((arrived) => (addEventListener('popstate', arrived, { once: true }), history.back())));
  await say(page, 'user', 'Thank you.');
  const entries = await settle(sessionId, 10);

  const all = texts(entries);
  const notes = [`${base}?view=billing`, `${base}?view=billing#details`, `${base}?view=plan`, `${base}?view=billing`].map((url) => `${NAV}${url}]`);
  // Each note sits exactly between what was said before its navigation and after it.
  expect(all).toEqual([
    'agent: Hello, this is Lily from Acme Bank.',
    'user: My card bill is overdue.',
    notes[0],
    'agent: I have opened your billing page.',
    notes[1],
    'user: Can I pay in instalments?',
    notes[2],
    'agent: Yes, six instalments are possible.',
    notes[3],
    'user: Thank you.',
  ]);
  expect((await b.api({ type: 'capture.status', tabId })).sessionId).toBe(sessionId);
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('a reload adds exactly its one reload note, no navigation note; capture goes on after it', async () => {
  const { page, tabId, sessionId, base } = await openRecording('spa-chat.html');
  await say(page, 'agent', 'Hello, this is Lily from Acme Bank.');
  await settle(sessionId, 1);
  await page.evaluate(() => (window as any).__spa.push('?view=help'));
  await settle(sessionId, 2);

  await page.reload();
  await page.waitForFunction(() => (window as any).__chat);
  await new Promise((r) => setTimeout(r, 500));
  await say(page, 'user', 'Are you still there?');
  const entries = await settle(sessionId, 4);

  expect(texts(entries)).toEqual([
    'agent: Hello, this is Lily from Acme Bank.',
    `${NAV}${base}?view=help]`,
    `${RELOAD}${base}?view=help]`,
    'user: Are you still there?',
  ]);
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('a route that replaces the chat list with a new panel: capture finds the new list and goes on', async () => {
  const { page, tabId, sessionId, base } = await openRecording('spa-chat.html');
  await say(page, 'agent', 'Hello, this is Lily from Acme Bank.');
  await settle(sessionId, 1);
  await page.evaluate(() => (window as any).__spa.push('?view=chat', { rebuild: true }));
  await say(page, 'agent', 'We can move your due date by a month.');
  // The engine notices the old list left the page (it checks every 1.5 s) and finds the new one.
  const entries = await settle(sessionId, 3);
  expect(texts(entries).filter((t) => !t.startsWith('['))).toEqual(['agent: Hello, this is Lily from Acme Bank.', 'agent: We can move your due date by a month.']);
  expect(texts(entries).filter((t) => t.startsWith('['))).toEqual([`${NAV}${base}?view=chat]`]);
  expect(texts(entries)[0]).toBe('agent: Hello, this is Lily from Acme Bank.');
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('a panel re-mounted showing the same messages: they are not recorded again, what follows is', async () => {
  const { page, tabId, sessionId } = await openRecording('spa-chat.html');
  await say(page, 'agent', 'Hello, this is Lily from Acme Bank.');
  await say(page, 'user', 'I cannot pay the full bill this month.');
  await settle(sessionId, 2);
  await page.evaluate(() => (window as any).__spa.rebuild({ keepMessages: true }));
  // The engine notices the old list left the page (it checks every 1.5 s) and finds the new one.
  await new Promise((r) => setTimeout(r, 2500));
  await say(page, 'agent', 'We can move your due date by a month.');
  const entries = await settle(sessionId, 3);
  expect(texts(entries)).toEqual(['agent: Hello, this is Lily from Acme Bank.', 'user: I cannot pay the full bill this month.', 'agent: We can move your due date by a month.']);
  await b.api({ type: 'capture.stop', tabId });
  await page.close();
});

test('the note speaks the person’s language (Chinese when chosen in the settings)', async () => {
  await b.api({ type: 'settings.set', settings: { language: 'zh-CN' } });
  try {
    const { page, tabId, sessionId, base } = await openRecording('spa-chat.html');
    await say(page, 'agent', '您好，我是客服小美。');
    await settle(sessionId, 1);
    await page.evaluate(() => (window as any).__spa.push('?view=repay'));
    const entries = await settle(sessionId, 2);
    expect(texts(entries)).toEqual(['agent: 您好，我是客服小美。', `[页面内跳转后继续记录：${base}?view=repay]`]);
    await b.api({ type: 'capture.stop', tabId });
    await page.close();
  } finally {
    await b.api({ type: 'settings.set', settings: { language: 'auto' } });
  }
});

test('a message shown in the same moment as the navigation comes after its note, every time', async () => {
  const { page, sessionId } = await openRecording('spa-chat.html');
  await say(page, 'agent', 'Hello, this is Lily from Acme Bank.');
  await settle(sessionId, 1);
  const views = ['billing', 'plan', 'confirm', 'done', 'thanks'];
  for (const [i, view] of views.entries()) {
    // The route changes and the next message is drawn in the same task, as a router rendering a reply would.
    await page.evaluate(([v, text]) => ((window as any).__spa.push(`?view=${v}`), (window as any).__chat.say('agent', text)), [view, `Now on ${view}.`] as const);
    await settle(sessionId, 1 + (i + 1) * 2);
  }
  const all = texts(await settle(sessionId, 1 + views.length * 2));
  expect(all.slice(1).map((t) => (t.startsWith(NAV) ? 'note' : t))).toEqual(views.flatMap((v) => ['note', `agent: Now on ${v}.`]));
});
