// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { GROWTH_SETTLE_MS, GROWTH_WINDOW_MS, MessageTracker, OLDER_SETTLE_MS, REMOVAL_GRACE_MS, REPLAY_WINDOW_MS } from '../../../src/content/capture/tracker';
import { extractMessage, extractRow } from '../../../src/content/capture/extract';
import { RowTemplates, templateById } from '../../../src/content/capture/row-templates';
import type { Observation } from '../../../src/lib/capture/protocol';
import { resolveRows } from '../../../src/lib/capture/row-resolver';
import { freshMessageList } from './message-list';

let list: HTMLElement;
let out: Observation[];
let clock: number;
let scrolled: boolean;
let scrolledUp: boolean;

function tracker(recent: { speaker: 'agent' | 'user' | 'system'; text: string }[] = []) {
  return new MessageTracker(
    {
      emit: (o) => void out.push(o),
      extract: (item) => extractMessage(item, { list, adapter: null, layout: false, styles: false }),
      now: () => clock,
      scrolledWithin: () => scrolled,
      scrolledUpWithin: () => scrolledUp,
    },
    recent,
  );
}
const items = () => Array.from(list.children);
const msg = (speaker: 'agent' | 'user', text: string, id?: string) =>
  `<div class="message ${speaker === 'user' ? 'outgoing' : 'incoming'}"${id ? ` data-id="${id}"` : ''}><div class="text">${text}</div></div>`;
const add = (...html: string[]) => list.insertAdjacentHTML('beforeend', html.join(''));
const kinds = () => out.map((o) => (o.kind === 'message' ? `${o.kind}:${o.speaker}:${o.text}` : o.kind === 'edit' ? `edit:${o.key}:${o.text}` : `${o.kind}:${'key' in o ? o.key : ''}`));

/**
 * A virtualised list of `texts` (no ids): render(first, last) shows only those rows, as
 * react-window does while scrolling, then reconciles, and again after the removal grace period.
 * `newestFirst`: the list keeps its newest row first (drawn bottom-up) and is reconciled in chat order.
 */
function virtualWindow(t: MessageTracker, texts: string[], newestFirst = false) {
  const rendered = new Map<number, Element>();
  scrolled = true;
  return (first: number, last: number) => {
    for (const [i, el] of rendered) if (i < first || i > last) (el.remove(), rendered.delete(i));
    for (let i = first; i <= last; i++) {
      if (rendered.has(i)) continue;
      const el = document.createElement('div');
      el.innerHTML = msg(i % 2 ? 'user' : 'agent', texts[i]);
      const row = el.firstElementChild!;
      const later = [...rendered.keys()].filter((k) => k > i).sort((a, b) => a - b)[0];
      const laterRow = later === undefined ? null : rendered.get(later)!;
      if (newestFirst) list.insertBefore(row, laterRow ? laterRow.nextSibling : list.firstChild);
      else list.insertBefore(row, laterRow);
      rendered.set(i, row);
    }
    const inChatOrder = () => (newestFirst ? items().reverse() : items());
    t.reconcile(inChatOrder(), new Set(), true);
    clock += REMOVAL_GRACE_MS;
    t.reconcile(inChatOrder(), new Set(), true);
  };
}

beforeEach(() => {
  list = freshMessageList();
  out = [];
  clock = 1_000_000;
  scrolled = false;
  scrolledUp = false;
});

describe('MessageTracker', () => {
  test('after capture moves to another list element, messages seen again in another shape are not recorded twice', () => {
    const t = tracker();
    add(msg('agent', 'Hello', 'm1'), msg('user', 'I cannot pay this month', 'm2'));
    t.reconcile(items(), new Set(), true);
    t.detachAll(true);
    // The new list's items are plain wrappers: no page ids and no direction classes.
    list.innerHTML = '<div class="row"><div class="text">Hello</div></div><div class="row"><div class="text">I cannot pay this month</div></div>';
    t.reconcile(items(), new Set(), true);
    add(msg('agent', 'Sorry to hear that'));
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:Hello', 'message:user:I cannot pay this month', 'message:agent:Sorry to hear that']);
  });

  test('each message once, in order, however often the list is reconciled', () => {
    const t = tracker();
    add(msg('agent', 'Hello'), msg('user', 'Hi'));
    t.reconcile(items(), new Set(), true);
    add(msg('agent', 'How can I help?'));
    t.reconcile(items(), new Set(), true);
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:Hello', 'message:user:Hi', 'message:agent:How can I help?']);
  });

  test('rows found to be sender groups: the message each row was read as is its first bubble from then on, however the row read (nothing twice, no edit, no removal)', () => {
    const t = tracker();
    // Read as a row, the group's name line is glued onto its one message.
    add('<div class="grp incoming"><div class="nm">Lily Wang</div><div class="b"><div class="text">您好</div></div></div>');
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:Lily Wang 您好']);
    const row = list.firstElementChild!;
    row.insertAdjacentHTML('beforeend', '<div class="b"><div class="text">请问有什么可以帮您？</div></div>');
    const bubbles = Array.from(row.querySelectorAll('.b'));
    t.rebind([[row, bubbles[0]]]);
    t.reconcile(bubbles, new Set(), true);
    clock += REMOVAL_GRACE_MS;
    t.reconcile(bubbles, new Set(), true);
    expect(kinds()).toEqual(['message:agent:Lily Wang 您好', 'message:agent:请问有什么可以帮您？']);
    // The first bubble's text is what later changes are compared with: touched unchanged, no edit.
    t.reconcile(bubbles, new Set([bubbles[0]]), false);
    expect(out).toHaveLength(2);
    bubbles[0].querySelector('.text')!.textContent = '你好';
    t.reconcile(bubbles, new Set([bubbles[0]]), false);
    expect(out.at(-1)).toMatchObject({ kind: 'edit', key: (out[0] as any).key, text: '你好' });
  });

  test('changed text on a known node is an edit with the same key', () => {
    const t = tracker();
    add(msg('agent', 'Pay 320'));
    t.reconcile(items(), new Set(), true);
    list.querySelector('.text')!.textContent = 'Pay 300';
    t.reconcile(items(), new Set(items()), false);
    expect(out[1]).toMatchObject({ kind: 'edit', key: (out[0] as any).key, text: 'Pay 300' });
  });

  test('a reply written out a few characters at a time is one message, then one edit with the whole text once it stops growing', () => {
    const t = tracker();
    add(msg('agent', 'Hel'));
    t.reconcile(items(), new Set(), true);
    const text = list.querySelector('.text')!;
    // Chat UIs for AI replies often end the text with a cursor while they write it out.
    for (const chunk of ['Hello, ▍', 'Hello, your ▍', 'Hello, your minimum is 300.']) {
      clock += 50;
      text.textContent = chunk;
      t.reconcile(items(), new Set(items()), false);
    }
    expect(kinds()).toEqual(['message:agent:Hel']);
    expect(t.pendingRemovals).toBe(true);
    clock += GROWTH_SETTLE_MS;
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:Hel', `edit:${(out[0] as any).key}:Hello, your minimum is 300.`]);
    expect(t.pendingRemovals).toBe(false);
  });

  test('text that grows long after the message appeared is an edit at once', () => {
    const t = tracker();
    add(msg('agent', 'Pay 300'));
    t.reconcile(items(), new Set(), true);
    clock += GROWTH_WINDOW_MS;
    list.querySelector('.text')!.textContent = 'Pay 300 by the 5th';
    t.reconcile(items(), new Set(items()), false);
    expect(kinds()).toEqual(['message:agent:Pay 300', `edit:${(out[0] as any).key}:Pay 300 by the 5th`]);
  });

  test('a growing text still waiting to settle goes out when the page is hidden', () => {
    const t = tracker();
    add(msg('user', 'I can'));
    t.reconcile(items(), new Set(), true);
    list.querySelector('.text')!.textContent = 'I can pay 200';
    t.reconcile(items(), new Set(items()), false);
    expect(out).toHaveLength(1);
    t.releaseHeld();
    expect(kinds()).toEqual(['message:user:I can', `edit:${(out[0] as any).key}:I can pay 200`]);
  });

  test('rows already on the page that become messages only after a message below them was recorded go out at once, then one late note places them before it', () => {
    const t = tracker();
    add(msg('agent', 'Hello'), msg('agent', '正在输入…'), msg('agent', '正在输入…'));
    t.reconcile(items(), new Set(), true);
    clock += 300;
    add(msg('user', 'I sent the bill'));
    t.reconcile(items(), new Set(), true);
    clock += 300;
    const [, first, second] = items();
    first.querySelector('.text')!.textContent = 'Here is your plan';
    second.querySelector('.text')!.textContent = 'Please check it';
    t.reconcile(items(), new Set([first, second]), false);
    expect(kinds()).toEqual(['message:agent:Hello', 'message:user:I sent the bill', 'message:agent:Here is your plan', 'message:agent:Please check it', 'placed:']);
    const key = (i: number) => (out[i] as { key: string }).key;
    expect(out[4]).toEqual({ kind: 'placed', keys: [key(2), key(3)], before: key(1), at: expect.any(String), late: true });
  });

  test('late rows before different recorded messages get a note each', () => {
    const t = tracker();
    add(msg('agent', '正在输入…'), msg('user', 'Hello?'), msg('agent', '正在输入…'), msg('user', 'Are you there?'));
    t.reconcile(items(), new Set(), true);
    clock += 300;
    const [first, , second] = items();
    first.querySelector('.text')!.textContent = 'Hello, how can I help?';
    second.querySelector('.text')!.textContent = 'Yes, one moment';
    t.reconcile(items(), new Set([first, second]), false);
    const key = (i: number) => (out[i] as { key: string }).key;
    expect(out.slice(2)).toEqual([
      { kind: 'message', key: key(2), speaker: 'agent', author: null, text: 'Hello, how can I help?', at: expect.any(String) },
      { kind: 'placed', keys: [key(2)], before: key(0), at: expect.any(String), late: true },
      { kind: 'message', key: key(4), speaker: 'agent', author: null, text: 'Yes, one moment', at: expect.any(String) },
      { kind: 'placed', keys: [key(4)], before: key(1), at: expect.any(String), late: true },
    ]);
  });

  test('a row filled in above a message recorded before the row appeared (a menu kept at the chat’s end) is the latest message: no note', () => {
    const t = tracker();
    add(msg('agent', 'Hello'), msg('agent', 'Menu: 1 Bill 2 Card'));
    t.reconcile(items(), new Set(), true);
    clock += 300;
    list.lastElementChild!.insertAdjacentHTML('beforebegin', msg('agent', '正在输入…'));
    t.reconcile(items(), new Set(), true);
    clock += 300;
    const typing = items()[1];
    typing.querySelector('.text')!.textContent = 'Your bill is due on the 5th';
    t.reconcile(items(), new Set([typing]), false);
    expect(kinds()).toEqual(['message:agent:Hello', 'message:agent:Menu: 1 Bill 2 Card', 'message:agent:Your bill is due on the 5th']);
  });

  test('a framework re-render (all nodes replaced, same content, no ids) records nothing new and removes nothing', () => {
    const t = tracker();
    add(msg('agent', 'A'), msg('user', 'B'), msg('agent', 'C'));
    t.reconcile(items(), new Set(), true);
    list.innerHTML = msg('agent', 'A') + msg('user', 'B') + msg('agent', 'C');
    t.reconcile(items(), new Set(), true);
    clock += REMOVAL_GRACE_MS + 1;
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:A', 'message:user:B', 'message:agent:C']);
  });

  test('a node replaced by one with the same page id is the same message (edit when its text changed)', () => {
    const t = tracker();
    add(msg('agent', 'A', 'm1'), msg('user', 'B', 'm2'));
    t.reconcile(items(), new Set(), true);
    list.children[1].outerHTML = msg('user', 'B!', 'm2');
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:A', 'message:user:B', 'edit:p:data-id=m2:B!']);
  });

  test('a draft whose id the page swaps for its server’s (an optimistic send) is the same message: nothing recorded twice, nothing removed', () => {
    const t = tracker();
    add(msg('agent', 'Hello', 'm1'), msg('user', '我想申请延期还款', 'tmp-1'));
    t.reconcile(items(), new Set(), true);
    list.children[1].outerHTML = msg('user', '我想申请延期还款', 'm2');
    t.reconcile(items(), new Set(), true);
    clock += REMOVAL_GRACE_MS;
    t.reconcile(items(), new Set(), true);
    // The same words again under another new id, beside the first: a message of its own.
    add(msg('user', '我想申请延期还款', 'm3'));
    t.reconcile(items(), new Set(), true);
    clock += REMOVAL_GRACE_MS;
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:Hello', 'message:user:我想申请延期还款', 'message:user:我想申请延期还款']);
    // The swapped row is known by its new id: an edit under it is the first message's.
    list.children[1].outerHTML = msg('user', '我想申请延期到15日', 'm2');
    t.reconcile(items(), new Set(), true);
    expect(out[3]).toEqual({ kind: 'edit', key: (out[1] as { key: string }).key, text: '我想申请延期到15日', at: expect.any(String) });
  });

  test('a deletion from a non-virtual list is a remove after the grace period', () => {
    const t = tracker();
    add(msg('agent', 'A'), msg('user', 'B'), msg('agent', 'C'));
    t.reconcile(items(), new Set(), true);
    list.children[1].remove();
    t.reconcile(items(), new Set(), true);
    expect(out).toHaveLength(3);
    expect(t.pendingRemovals).toBe(true);
    clock += REMOVAL_GRACE_MS;
    t.reconcile(items(), new Set(), true);
    expect(out[3]).toEqual({ kind: 'remove', key: (out[1] as any).key, at: expect.any(String) });
  });

  test('rows appended at the end and read in an appended pass count in the list: a later deletion among them is a remove, not a virtual-list drop', () => {
    const t = tracker();
    add(msg('agent', 'A'), msg('user', 'B'), msg('agent', 'C'));
    t.reconcile(items(), new Set(), true);
    add(msg('user', 'D'), msg('agent', 'E'), msg('user', 'F'), msg('agent', 'G'), msg('user', 'H'));
    const added = new Set(items().slice(3));
    t.reconcile([...added], added, false, true);
    expect(kinds()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((x, i) => `message:${i % 2 ? 'user' : 'agent'}:${x}`));
    expect(t.count).toBe(8);
    // F is in the middle of the list: even right after a scroll, deleting it is a deletion.
    scrolled = true;
    const f = out[5] as Extract<Observation, { kind: 'message' }>;
    list.children[5].remove();
    t.reconcile(items(), new Set(), true);
    clock += REMOVAL_GRACE_MS;
    t.reconcile(items(), new Set(), true);
    expect(out.slice(8)).toEqual([{ kind: 'remove', key: f.key, at: expect.any(String) }]);
  });

  test('a recall notice in place of a message removes it and is not itself recorded', () => {
    const t = tracker();
    add(msg('agent', 'A'), msg('agent', 'B'), msg('user', 'C'));
    t.reconcile(items(), new Set(), true);
    list.children[1].outerHTML = '<div class="notice">客服撤回了一条消息</div>';
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:A', 'message:agent:B', 'message:user:C', `remove:${(out[1] as any).key}`]);
  });

  test('a recall shown by changing the text in place is a remove, not an edit', () => {
    const t = tracker();
    add(msg('user', 'secret'));
    t.reconcile(items(), new Set(), true);
    list.querySelector('.text')!.textContent = 'This message was deleted';
    t.reconcile(items(), new Set(items()), false);
    expect(kinds()).toEqual(['message:user:secret', `remove:${(out[0] as any).key}`]);
  });

  test('a virtual list dropping edge nodes while scrolling removes nothing, and nodes scrolling back are not recorded twice', () => {
    const t = tracker();
    const all = Array.from({ length: 12 }, (_, i) => msg(i % 2 ? 'user' : 'agent', `line ${i}`));
    const show = (from: number, to: number) => (list.innerHTML = all.slice(from, to).join(''));
    show(0, 6);
    t.reconcile(items(), new Set(), true);
    scrolled = true;
    for (let top = 1; top <= 6; top++) {
      show(top, top + 6);
      t.reconcile(items(), new Set(), true);
      clock += REMOVAL_GRACE_MS;
      t.reconcile(items(), new Set(), true);
    }
    for (let top = 5; top >= 0; top--) {
      show(top, top + 6);
      t.reconcile(items(), new Set(), true);
      clock += REMOVAL_GRACE_MS;
      t.reconcile(items(), new Set(), true);
    }
    expect(t.virtual).toBe(true);
    expect(kinds()).toEqual(all.map((_, i) => `message:${i % 2 ? 'user' : 'agent'}:line ${i}`));
  });

  test('a virtual window that adds and drops one row at a time, with repeated texts, scrolled up and down again', () => {
    const t = tracker();
    const texts = Array.from({ length: 30 }, (_, i) => ['好的', 'OK', `line ${i}`][i % 3]);
    const render = virtualWindow(t, texts);
    for (let n = 0; n < 30; n++) render(Math.max(0, n - 6), n);
    for (let top = 23; top >= 0; top--) render(top, top + 6);
    for (let top = 0; top <= 23; top++) render(top, top + 6);
    expect(out.map((o) => o.kind === 'message' && o.text)).toEqual(texts);
  });

  test.each([
    ['', false],
    [' over a list drawn bottom-up', true],
  ])('a virtual window%s first seen at the end of a long chat: scrolled to the top and back, each message once, older ones placed', (_, newestFirst) => {
    const t = tracker();
    t.newestFirst = newestFirst;
    const texts = Array.from({ length: 30 }, (_, i) => ['好的', 'OK', `line ${i}`][i % 3]);
    const render = virtualWindow(t, texts, newestFirst);
    // Capture starts on the last rows; older ones are met scrolling up, then it scrolls back down.
    for (let top = 23; top >= 0; top--) render(top, top + 6);
    for (let top = 0; top <= 23; top++) render(top, top + 6);
    const messages = out.filter((o) => o.kind === 'message');
    // The older ones were held while they kept appearing, then sent in page order, placed before the first one seen.
    expect(messages.map((o) => o.text)).toEqual([...texts.slice(23), ...texts.slice(0, 23)]);
    expect(out.filter((o) => o.kind !== 'message')).toEqual([
      { kind: 'placed', keys: messages.slice(7).map((o) => o.key), before: messages[0].key, at: expect.any(String) },
    ]);
    expect(out.at(-1)!.kind).toBe('placed');
  });

  test.each([
    ['', false],
    [' over a list drawn bottom-up', true],
  ])('a virtual window%s first seen at the end of a long chat that jumps to the top on a scroll up, then is scrolled down: each message once, older ones placed', (_, newestFirst) => {
    const t = tracker();
    t.newestFirst = newestFirst;
    // Unique texts: with none known on the page, repeated ones could pass for recorded rows re-drawn.
    const texts = Array.from({ length: 30 }, (_, i) => (i % 2 ? `第 ${i} 行` : `line ${i}`));
    const render = virtualWindow(t, texts, newestFirst);
    render(23, 29);
    // The scrollbar dragged to the top: every drawn row is replaced, none of them known.
    scrolledUp = true;
    render(0, 6);
    scrolledUp = false;
    // Held while they keep coming; sent once the rows drawn are recorded ones for OLDER_SETTLE_MS.
    for (let top = 1; top <= 12; top++) render(top, top + 6);
    expect(out.filter((o) => o.kind === 'message')).toHaveLength(7);
    for (let top = 13; top <= 23; top++) render(top, top + 6);
    const messages = out.filter((o) => o.kind === 'message');
    expect(messages.map((o) => o.text)).toEqual([...texts.slice(23), ...texts.slice(0, 23)]);
    expect(out.filter((o) => o.kind !== 'message')).toEqual([
      { kind: 'placed', keys: messages.slice(7).map((o) => o.key), before: messages[0].key, at: expect.any(String) },
    ]);
  });

  test('a jump to the top after older history was placed goes above that history; scrolling down below sent older history places the new rows before what follows it', () => {
    const t = tracker();
    const texts = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const render = virtualWindow(t, texts);
    render(20, 26);
    // Scrolled up smoothly to line 15: lines 15–19 placed before line 20.
    for (let top = 19; top >= 15; top--) render(top, top + 6);
    clock += OLDER_SETTLE_MS;
    render(15, 21);
    scrolledUp = true;
    render(0, 6);
    scrolledUp = false;
    for (let top = 1; top <= 5; top++) render(top, top + 6);
    // Lines 0–11 are sent before going further down: lines 12–14 follow line 11, which is sent.
    clock += OLDER_SETTLE_MS;
    render(5, 11);
    for (let top = 6; top <= 15; top++) render(top, top + 6);
    clock += OLDER_SETTLE_MS;
    render(15, 21);
    const messages = out.filter((o) => o.kind === 'message');
    const keyOf = (text: string) => messages.find((o) => o.text === text)!.key;
    const lines = (a: number, b: number) => texts.slice(a, b + 1);
    expect(messages.map((o) => o.text)).toEqual([...lines(20, 26), ...lines(15, 19), ...lines(0, 11), ...lines(12, 14)]);
    expect(out.filter((o) => o.kind !== 'message')).toEqual([
      { kind: 'placed', keys: lines(15, 19).map(keyOf), before: keyOf('line 20'), at: expect.any(String) },
      { kind: 'placed', keys: lines(0, 11).map(keyOf), before: keyOf('line 15'), at: expect.any(String) },
      { kind: 'placed', keys: lines(12, 14).map(keyOf), before: keyOf('line 15'), at: expect.any(String) },
    ]);
  });

  test('every drawn row replaced without a scroll up (another conversation opened, or a scroll down): the new rows are sent at once, not placed', () => {
    for (const withScroll of [false, true]) {
      list = freshMessageList();
      out = [];
      const t = tracker();
      const texts = Array.from({ length: 20 }, (_, i) => `line ${i}`);
      const render = virtualWindow(t, texts);
      scrolled = withScroll;
      render(0, 6);
      render(13, 19);
      expect(out.filter((o) => o.kind === 'message').map((o) => o.kind === 'message' && o.text)).toEqual([...texts.slice(0, 7), ...texts.slice(13)]);
      expect(out.filter((o) => o.kind === 'placed')).toEqual([]);
      expect(t.pendingRemovals).toBe(false);
    }
  });

  test('older history put above the recorded messages: held until none comes for OLDER_SETTLE_MS, then sent in page order and placed', () => {
    const t = tracker();
    add(msg('agent', 'line 40'), msg('user', 'line 41'));
    t.reconcile(items(), new Set(), true);
    const prepend = (...texts: string[]) => {
      list.insertAdjacentHTML('afterbegin', texts.map((x, i) => msg(i % 2 ? 'user' : 'agent', x)).join('') + '<div class="date-divider">Yesterday</div>');
      t.reconcile(items(), new Set(), true);
    };
    prepend('line 20', 'line 21', 'line 22');
    clock += OLDER_SETTLE_MS - 1;
    prepend('line 10', 'line 11');
    add(msg('agent', 'line 42'));
    t.reconcile(items(), new Set(), true);
    // A new message at the end is not held; the older ones are, while more keep coming.
    expect(out.filter((o) => o.kind === 'message').map((o) => o.text)).toEqual(['line 40', 'line 41', 'line 42']);
    expect(t.pendingRemovals).toBe(true);
    clock += OLDER_SETTLE_MS;
    t.reconcile(items(), new Set(), true);
    const messages = out.filter((o) => o.kind === 'message');
    expect(messages.map((o) => o.text)).toEqual(['line 40', 'line 41', 'line 42', 'line 10', 'line 11', 'line 20', 'line 21', 'line 22']);
    expect(out.at(-1)).toEqual({ kind: 'placed', keys: messages.slice(3).map((o) => o.key), before: messages[0].key, at: expect.any(String) });
    expect(t.pendingRemovals).toBe(false);
  });

  test('a list drawn bottom-up (newest item first), its items passed in chat order: a new first item is the latest message, items added at the end are older history', () => {
    const t = tracker();
    t.newestFirst = true;
    const chatOrder = () => items().reverse();
    add(msg('user', 'line 41'), msg('agent', 'line 40'));
    t.reconcile(chatOrder(), new Set(), true);
    list.insertAdjacentHTML('afterbegin', msg('agent', 'line 42'));
    t.reconcile(chatOrder(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:line 40', 'message:user:line 41', 'message:agent:line 42']);
    expect(t.pendingRemovals).toBe(false);
    add(msg('user', 'line 21'), msg('agent', 'line 20'));
    t.reconcile(chatOrder(), new Set(), true);
    clock += OLDER_SETTLE_MS;
    t.reconcile(chatOrder(), new Set(), true);
    const messages = out.filter((o) => o.kind === 'message');
    expect(messages.map((o) => o.text)).toEqual(['line 40', 'line 41', 'line 42', 'line 20', 'line 21']);
    expect(out.at(-1)).toEqual({ kind: 'placed', keys: [messages[3].key, messages[4].key], before: messages[0].key, at: expect.any(String) });
  });

  test('"load earlier messages" that re-renders the whole list (no ids): the recorded ones are matched, the older ones placed', () => {
    const t = tracker();
    const rows = (texts: string[]) => texts.map((x, i) => msg(i % 2 ? 'user' : 'agent', x)).join('');
    list.innerHTML = rows(['line 3', 'line 4', 'line 5']);
    t.reconcile(items(), new Set(), true);
    list.innerHTML = rows(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    t.reconcile(items(), new Set(), true);
    clock += OLDER_SETTLE_MS;
    t.reconcile(items(), new Set(), true);
    const messages = out.filter((o) => o.kind === 'message');
    expect(messages.map((o) => o.text)).toEqual(['line 3', 'line 4', 'line 5', 'line 1', 'line 2']);
    expect(out.filter((o) => o.kind !== 'message')).toEqual([{ kind: 'placed', keys: [messages[3].key, messages[4].key], before: messages[0].key, at: expect.any(String) }]);
  });

  test('releaseHeld sends held older messages at once (the page is being hidden)', () => {
    const t = tracker();
    add(msg('agent', 'second'), msg('user', 'third'));
    t.reconcile(items(), new Set(), true);
    list.insertAdjacentHTML('afterbegin', msg('user', 'first'));
    t.reconcile(items(), new Set(), true);
    expect(out).toHaveLength(2);
    t.releaseHeld();
    const messages = out.filter((o) => o.kind === 'message');
    expect(messages.map((o) => o.text)).toEqual(['second', 'third', 'first']);
    expect(out.at(-1)).toEqual({ kind: 'placed', keys: [messages[2].key], before: messages[0].key, at: expect.any(String) });
  });

  test('an older message edited or recalled while held is sent with the text it was seen with, then the edit or removal, after the note', () => {
    const t = tracker();
    add(msg('agent', 'line 40'));
    t.reconcile(items(), new Set(), true);
    list.insertAdjacentHTML('afterbegin', msg('agent', 'Pay 320 by the 5th') + msg('user', 'my card number is 6222…'));
    t.reconcile(items(), new Set(), true);
    const [edited, recalled] = items();
    edited.querySelector('.text')!.textContent = 'Pay 300 by the 5th';
    recalled.querySelector('.text')!.textContent = 'This message was deleted';
    t.reconcile(items(), new Set([edited, recalled]), false);
    expect(out).toHaveLength(1);
    clock += OLDER_SETTLE_MS;
    t.reconcile(items(), new Set(), true);
    const messages = out.filter((o) => o.kind === 'message');
    expect(kinds()).toEqual([
      'message:agent:line 40',
      'message:agent:Pay 320 by the 5th',
      'message:user:my card number is 6222…',
      'placed:',
      `edit:${messages[1].key}:Pay 300 by the 5th`,
      `remove:${messages[2].key}`,
    ]);
  });

  test('new messages put above a row the chat keeps at its end, or between recorded ones, are sent at once and not placed', () => {
    const t = tracker();
    add(msg('agent', 'Hello'), msg('agent', 'Menu: 1 Bills 2 Cards 3 Agent'));
    t.reconcile(items(), new Set(), true);
    list.lastElementChild!.insertAdjacentHTML('beforebegin', msg('user', 'I need more time to pay'));
    t.reconcile(items(), new Set(), true);
    list.children[1].insertAdjacentHTML('afterend', msg('agent', 'Sure, let me check'));
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:Hello', 'message:agent:Menu: 1 Bills 2 Cards 3 Agent', 'message:user:I need more time to pay', 'message:agent:Sure, let me check']);
    expect(t.pendingRemovals).toBe(false);
  });

  test('identical texts are different messages when their neighbours differ', () => {
    const t = tracker();
    add(msg('user', '好的'), msg('agent', '请稍等'));
    t.reconcile(items(), new Set(), true);
    add(msg('user', '好的'));
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:user:好的', 'message:agent:请稍等', 'message:user:好的']);
  });

  test('after a reload, history the session already has is not recorded again', () => {
    const t = tracker([{ speaker: 'agent', text: 'A' }, { speaker: 'user', text: 'B' }]);
    add(msg('agent', 'A'));
    t.reconcile(items(), new Set(), true);
    expect(out).toEqual([]); // may be the start of the history being re-shown
    add(msg('user', 'B'));
    t.reconcile(items(), new Set(), true);
    add(msg('agent', 'C'));
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:agent:C']);
  });

  test('held messages are released after the replay window when history is never completed', () => {
    const t = tracker([{ speaker: 'agent', text: 'A' }, { speaker: 'user', text: 'B' }, { speaker: 'agent', text: 'C' }]);
    add(msg('agent', 'A'), msg('user', 'B'));
    t.reconcile(items(), new Set(), true);
    expect(out).toEqual([]);
    clock += REPLAY_WINDOW_MS;
    t.reconcile(items(), new Set(), true);
    expect(out).toEqual([]); // A and B were recorded before: skipped
    add(msg('user', 'new'));
    t.reconcile(items(), new Set(), true);
    expect(kinds()).toEqual(['message:user:new']);
  });

  test('agent facts from agent messages are emitted once each time something new is learnt', () => {
    const t = tracker();
    add(msg('agent', '您好，我是客服小美'), msg('agent', '我的工号是 10086'), msg('agent', '我是客服小美'));
    t.reconcile(items(), new Set(), true);
    expect(out.filter((o) => o.kind === 'agent')).toEqual([
      { kind: 'agent', name: '小美', employeeId: null, at: expect.any(String) },
      { kind: 'agent', name: '小美', employeeId: '10086', at: expect.any(String) },
    ]);
  });
});

describe('MessageTracker with rows sent unread', () => {
  /** A tracker whose rows of a learnt, self-contained template are left for the background to read. */
  function deferringTracker() {
    const templates = new RowTemplates();
    return new MessageTracker({
      emit: (o) => void out.push(o),
      extract: (item, defer) => extractRow(item, { list, adapter: null, layout: false, styles: false, templates }, defer),
      now: () => clock,
      scrolledWithin: () => scrolled,
      scrolledUpWithin: () => scrolledUp,
    });
  }
  /** What the background stores of `out`: its rows read, as resolveRows reads a batch. */
  const stored = () => {
    const ids = new Set(out.flatMap((o) => (o.kind === 'row' ? [o.template] : [])));
    return resolveRows({ type: 'batch', frame: 'f', batchNo: 0, items: out, templates: Object.fromEntries([...ids].map((id) => [id, templateById(id)!])) });
  };
  const storedKinds = () => stored().map((o) => (o.kind === 'message' ? `message:${o.speaker}:${o.text}` : o.kind === 'edit' ? `edit:${o.key}:${o.text}` : `${o.kind}:${'key' in o ? o.key : ''}`));

  test('rows after the first of a markup go out unread, and are stored as the messages reading them gives', () => {
    const t = deferringTracker();
    add(msg('agent', 'Hello'), msg('user', 'I lost my job'), msg('agent', 'Sorry to hear that'));
    t.reconcile(items(), new Set(), true);
    add(msg('user', 'Can I pay on the 15th?'), msg('agent', "I'm Lily, agent ID A-1234"));
    t.reconcile(items(), new Set(), true);
    expect(out.map((o) => o.kind)).toEqual(['message', 'message', 'row', 'row', 'row']);
    expect(storedKinds()).toEqual(['message:agent:Hello', 'message:user:I lost my job', 'message:agent:Sorry to hear that', 'message:user:Can I pay on the 15th?', "message:agent:I'm Lily, agent ID A-1234", 'agent:']);
    expect(stored().at(-1)).toMatchObject({ kind: 'agent', name: 'Lily', employeeId: 'A-1234' });
  });

  test('an unread row that is edited gives an edit, one deleted a remove', () => {
    const t = deferringTracker();
    add(msg('agent', 'Hello'), msg('agent', 'The fee is 50 yuan'), msg('agent', 'Anything else?'));
    t.reconcile(items(), new Set(), true);
    const [, fee, last] = items();
    expect(out.map((o) => o.kind)).toEqual(['message', 'row', 'row']);
    // Touched without a change of text (its class, say): nothing to record.
    last.classList.add('seen');
    t.reconcile(items(), new Set([last]), false);
    fee.querySelector('.text')!.textContent = 'The fee is waived';
    t.reconcile(items(), new Set([fee]), false);
    last.remove();
    t.reconcile(items(), new Set(), true);
    clock += REMOVAL_GRACE_MS;
    t.reconcile(items(), new Set(), true);
    expect(storedKinds()).toEqual(['message:agent:Hello', 'message:agent:The fee is 50 yuan', 'message:agent:Anything else?', 'edit:n2:The fee is waived', 'remove:n3']);
  });

  test('an unread row that was no message is dropped by the background, and its text once it becomes one recorded', () => {
    const t = deferringTracker();
    add(msg('agent', 'Hello'), msg('agent', '对方正在输入…'));
    t.reconcile(items(), new Set(), true);
    expect(out.map((o) => o.kind)).toEqual(['message', 'row']);
    const typing = items()[1];
    typing.querySelector('.text')!.textContent = '您的账单可以延期到下月15日';
    t.reconcile(items(), new Set([typing]), false);
    expect(storedKinds()).toEqual(['message:agent:Hello', 'message:agent:您的账单可以延期到下月15日']);
  });
});

