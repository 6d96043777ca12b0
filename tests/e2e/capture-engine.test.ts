// The capture engine alone (bundled into the fixture pages, a fake port in place of the
// background) on every fixture chat in real Chromium: each scripted message stored once,
// right speaker, in order; edits, recalls, typing indicators, chrome, resends.
import type { Browser, Frame, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitFor } from './support/browser';
import { useEngineHarness, type FixtureServer } from './support/suite';

let browser: Browser;
let server: FixtureServer;
let harness: string;

useEngineHarness((env) => void ({ browser, server, harness } = env));

type Line = { kind: string; speaker?: string; text?: string; key?: string };

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript({ content: harness });
  await page.goto(`${server.origin}/fixtures/chats/${path}`);
  return page;
}

const stored = (f: Frame | Page) => f.evaluate(() => (window as any).__capture.stored()) as Promise<Line[]>;
const say = (f: Frame | Page, speaker: string, text: string, author?: string) =>
  f.evaluate(([s, t, a]) => (window as any).__chat.say(s, t, a ? { author: a } : {}), [speaker, text, author] as const) as Promise<string>;
const messages = (lines: Line[]) => lines.filter((l) => l.kind === 'message').map((l) => ({ speaker: l.speaker, text: l.text }));

async function settle(f: Frame | Page, count: number, kind = 'message') {
  await waitFor(async () => (await stored(f)).filter((l) => l.kind === kind).length >= count, { what: `${count} ${kind}s`, timeout: 5000 });
  await new Promise((r) => setTimeout(r, 600)); // longer than the removal grace period: nothing more may arrive
}

const SCRIPT_EN: [string, string][] = [
  ['agent', "Hello, I'm Lily, agent ID A-1234. How can I help you today?"],
  ['user', 'Hi, my credit card bill is overdue and I cannot pay it this month.'],
  ['agent', 'I understand. Could you tell me the amount due?'],
  ['user', 'It is 3,200 yuan, due on the 5th.'],
  ['user', 'Could I pay in 6 instalments?'],
  ['agent', 'Let me check that for you.'],
];

describe('plain divs with English classes', () => {
  test('records each message once with the right speaker; skips banner, chips, typing, receipts, notices are system', async () => {
    const page = await openPage('plain-divs.html');
    await page.evaluate(() => (window as any).__capture.start());
    await page.evaluate(() => (window as any).__chat.say('system', 'Lily joined the chat'));
    await page.evaluate(() => (window as any).__chat.noise(true));
    for (const [s, t] of SCRIPT_EN) {
      await page.evaluate(() => (window as any).__chat.typing(true));
      await say(page, s, t, s === 'agent' ? 'Lily' : undefined);
      await page.evaluate(() => (window as any).__chat.typing(false));
    }
    await page.evaluate(() => (window as any).addQuickReplies(['Yes', 'No', 'Talk to a human']));
    await settle(page, SCRIPT_EN.length + 1);
    await page.evaluate(() => (window as any).__chat.noise(false));
    const lines = await stored(page);
    expect(messages(lines)).toEqual([{ speaker: 'system', text: 'Lily joined the chat' }, ...SCRIPT_EN.map(([speaker, text]) => ({ speaker, text }))]);
    const first = lines.find((l) => l.kind === 'message' && l.speaker === 'agent') as any;
    expect(first.author).toBe('Lily');
    expect(lines.filter((l) => l.kind === 'agent').at(-1)).toMatchObject({ name: 'Lily', employeeId: 'A-1234' });
    await page.close();
  });

  test('edits, deletions replaced by a notice, and plain removals', async () => {
    const page = await openPage('plain-divs.html');
    await page.evaluate(() => (window as any).__capture.start());
    const a = await say(page, 'agent', 'Your minimum payment is 320 yuan.');
    const b = await say(page, 'user', 'OK thanks');
    const c = await say(page, 'agent', 'Anything else?');
    await settle(page, 3);
    await page.evaluate(([id]) => (window as any).__chat.edit(id, 'Your minimum payment is 300 yuan.'), [a]);
    await settle(page, 1, 'edit');
    await page.evaluate(([id]) => (window as any).__chat.recall(id), [b]);
    await page.evaluate(([id]) => (window as any).__chat.remove(id), [c]);
    await settle(page, 2, 'remove');
    const lines = await stored(page);
    const keys = lines.filter((l) => l.kind === 'message').map((l) => l.key);
    expect(lines.map((l) => l.kind)).toEqual(['message', 'message', 'message', 'edit', 'remove', 'remove']);
    expect(lines[3]).toMatchObject({ key: keys[0], text: 'Your minimum payment is 300 yuan.' });
    expect(new Set([lines[4].key, lines[5].key])).toEqual(new Set([keys[1], keys[2]]));
    await page.close();
  });

  test('a reply streamed in a few characters at a time: the message, then one edit with the whole text', async () => {
    const page = await openPage('plain-divs.html');
    await page.evaluate(() => (window as any).__capture.start());
    const full = 'Your account qualifies for a 6-month instalment plan of 560 yuan a month.';
    await page.evaluate(async (full) => {
      const chat = (window as any).__chat;
      const id = chat.say('agent', full.slice(0, 4));
      for (let n = 8; n < full.length + 4; n += 4) {
        await new Promise((r) => setTimeout(r, 30));
        chat.edit(id, full.slice(0, n));
      }
    }, full);
    await settle(page, 1, 'edit');
    const lines = await stored(page);
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ['message', full.slice(0, 4)],
      ['edit', full],
    ]);
    await page.close();
  });

  test('skips the messages an earlier load recorded (recent)', async () => {
    const page = await openPage('plain-divs.html');
    await say(page, 'agent', 'Hello, how can I help?');
    await say(page, 'user', 'I need more time to pay.');
    await say(page, 'agent', 'Sure, how long?');
    await page.evaluate(() =>
      (window as any).__capture.start({ recent: [{ speaker: 'agent', text: 'Hello, how can I help?' }, { speaker: 'user', text: 'I need more time to pay.' }] }),
    );
    await say(page, 'user', 'Two weeks.');
    await settle(page, 2);
    expect(messages(await stored(page))).toEqual([
      { speaker: 'agent', text: 'Sure, how long?' },
      { speaker: 'user', text: 'Two weeks.' },
    ]);
    await page.close();
  });

  test('a page hidden right after a message still delivers it; unacknowledged batches are resent after the port dies', async () => {
    const page = await openPage('plain-divs.html');
    await page.evaluate(() => (window as any).__capture.start());
    await say(page, 'agent', 'First');
    await settle(page, 1);
    await page.evaluate(() => {
      const cap = (window as any).__capture;
      cap.dead = true; // the service worker stops: nothing is acknowledged
      (window as any).__chat.say('user', 'Second');
    });
    await page.waitForTimeout(200);
    await page.evaluate(() => {
      const cap = (window as any).__capture;
      cap.killPort();
      cap.dead = false;
    });
    await settle(page, 2);
    // Closing the tab right after a message: pagehide flushes synchronously.
    const posted = await page.evaluate(() => {
      (window as any).__chat.say('user', 'Third');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      return (window as any).__capture.posted.filter((m: any) => m.type === 'batch').flatMap((m: any) => m.items.map((i: any) => i.text));
    });
    expect(posted).toContain('Third');
    expect(messages(await stored(page)).map((m) => m.text)).toEqual(['First', 'Second', 'Third']);
    await page.close();
  });
});

describe('ARIA log with generated class names (speaker from layout)', () => {
  test('records the script with speakers from alignment; centred notices are system; "…" is not a message', async () => {
    const page = await openPage('aria-log.html');
    await page.evaluate(() => (window as any).__capture.start());
    await say(page, 'system', 'You are now connected to an agent');
    for (const [s, t] of SCRIPT_EN) {
      await page.evaluate(() => (window as any).__chat.typing(true));
      await say(page, s, t);
      await page.evaluate(() => (window as any).__chat.typing(false));
    }
    await settle(page, SCRIPT_EN.length + 1);
    expect(messages(await stored(page))).toEqual([{ speaker: 'system', text: 'You are now connected to an agent' }, ...SCRIPT_EN.map(([speaker, text]) => ({ speaker, text }))]);
    await page.close();
  });
});

const SCRIPT_ZH: [string, string][] = [
  ['agent', '您好，我是客服小美，工号10086，请问有什么可以帮您？'],
  ['user', '你好，我的信用卡账单逾期了，这个月还不上。'],
  ['agent', '请问您的欠款金额是多少？'],
  ['user', '一共3200元。'],
  ['user', '能不能申请分期还款？'],
  ['agent', '好的，我帮您查询一下。'],
];

describe('Chinese class names and labels', () => {
  test('records the script, learns the agent from the header, recall becomes a removal', async () => {
    const page = await openPage('chinese.html');
    await page.evaluate(() => (window as any).__capture.start());
    const ids: string[] = [];
    for (const [s, t] of SCRIPT_ZH) {
      await page.evaluate(() => (window as any).__chat.typing(true));
      ids.push(await say(page, s, t));
      await page.evaluate(() => (window as any).__chat.typing(false));
    }
    await settle(page, SCRIPT_ZH.length);
    await page.evaluate(([id]) => (window as any).__chat.recall(id), [ids[5]]);
    await settle(page, 1, 'remove');
    const lines = await stored(page);
    expect(messages(lines)).toEqual(SCRIPT_ZH.map(([speaker, text]) => ({ speaker, text })));
    const keys = lines.filter((l) => l.kind === 'message').map((l) => l.key);
    expect(lines.filter((l) => l.kind === 'remove').map((l) => l.key)).toEqual([keys[5]]);
    expect(lines.find((l) => l.kind === 'message' && l.speaker === 'agent')).toMatchObject({ author: '客服小美' });
    expect(lines.filter((l) => l.kind === 'agent').at(-1)).toMatchObject({ name: '小美', employeeId: '10086' });
    await page.close();
  });
});

describe('web component with open shadow roots', () => {
  test('finds the list inside the shadow root, reads text from each message’s own shadow root, sees edits', async () => {
    const page = await openPage('shadow.html');
    await page.evaluate(() => (window as any).__capture.start());
    await page.waitForFunction(() => (window as any).__chatReady);
    const ids: string[] = [];
    for (const [s, t] of SCRIPT_EN) ids.push(await say(page, s, t));
    await settle(page, SCRIPT_EN.length);
    await page.evaluate(([id]) => (window as any).__chat.edit(id, 'It is 3,300 yuan, due on the 5th.'), [ids[3]]);
    await settle(page, 1, 'edit');
    const lines = await stored(page);
    expect(messages(lines)).toEqual(SCRIPT_EN.map(([speaker, text]) => ({ speaker, text })));
    expect(lines.filter((l) => l.kind === 'edit')).toMatchObject([{ text: 'It is 3,300 yuan, due on the 5th.' }]);
    await page.close();
  });
});

describe('chats inside iframes', () => {
  for (const [name, path] of [['same-origin', 'iframe-same.html'], ['cross-origin', 'iframe-cross.html']] as const) {
    test(`${name}: the frame with the chat captures it, the top frame stays idle`, async () => {
      const page = await openPage(path);
      const frame = await waitFor(() => page.frames().find((f) => f !== page.mainFrame() && f.url().includes('/fixtures/chats/')) ?? null, { what: 'chat frame' });
      await frame.waitForFunction(() => (window as any).__chat && (window as any).__capture);
      await page.evaluate(() => (window as any).__capture.start());
      await frame.evaluate(() => (window as any).__capture.start());
      const script = name === 'same-origin' ? SCRIPT_EN : SCRIPT_ZH;
      for (const [s, t] of script) await say(frame, s, t);
      await settle(frame, script.length);
      expect(messages(await stored(frame))).toEqual(script.map(([speaker, text]) => ({ speaker, text })));
      expect(await stored(page)).toEqual([]);
      expect(await page.evaluate(() => (window as any).__capture.list())).toBeNull();
      await page.close();
    });
  }
});

describe('element picker', () => {
  test('pointing at a message highlights the list around it; a click picks a selector for the list; the page sees no click', async () => {
    const page = await openPage('plain-divs.html');
    await say(page, 'agent', 'Hello');
    await say(page, 'user', 'Hi');
    await page.evaluate(() => {
      (window as any).pageClicks = 0;
      document.addEventListener('click', () => (window as any).pageClicks++);
      (window as any).__capture.pick();
    });
    const bubble = page.locator('.message--outgoing .message__text');
    await bubble.hover();
    await bubble.click();
    const picked = await page.waitForFunction(() => (window as any).__capture.picked !== undefined).then(() => page.evaluate(() => (window as any).__capture.picked));
    expect(typeof picked).toBe('string');
    expect(await page.evaluate((s) => (window as any).__capture.resolves(s), picked)).toBe(true);
    expect(await page.evaluate(() => (window as any).pageClicks)).toBe(0);
    // The picked selector then drives detection.
    await page.evaluate((s) => (window as any).__capture.start({ pickedSelector: s }), picked);
    await expect.poll(() => stored(page).then((l) => l.filter((o) => o.kind === 'message').length)).toBe(2);
    await page.close();
  });

  test('Esc cancels and removes the overlay', async () => {
    const page = await openPage('shadow.html');
    await page.waitForFunction(() => (window as any).__chatReady);
    const before = await page.evaluate(() => document.body.children.length);
    await page.evaluate(() => (window as any).__capture.pick());
    expect(await page.evaluate(() => document.body.children.length)).toBe(before + 1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as any).__capture.picked !== undefined);
    expect(await page.evaluate(() => (window as any).__capture.picked)).toBeNull();
    expect(await page.evaluate(() => document.body.children.length)).toBe(before);
    await page.close();
  });

  test('inside a shadow root the selector crosses it', async () => {
    const page = await openPage('shadow.html');
    await page.waitForFunction(() => (window as any).__chatReady);
    await say(page, 'agent', 'Hello');
    await say(page, 'user', 'Hi there');
    await page.evaluate(() => (window as any).__capture.pick());
    const msg = page.locator('support-chat chat-message').first();
    await msg.hover();
    await msg.click();
    await page.waitForFunction(() => (window as any).__capture.picked !== undefined);
    const picked = await page.evaluate(() => (window as any).__capture.picked);
    expect(picked).toContain(' >>> ');
    expect(await page.evaluate((s) => (window as any).__capture.resolves(s), picked)).toBe(true);
    await page.close();
  });
});
