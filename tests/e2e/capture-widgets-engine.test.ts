// The capture engine alone (no extension: the harness's fake port) on the real chat UI
// library fixtures: each negotiation recorded exactly (speaker, text, order, once, no chrome),
// starting on an empty chat and mid-conversation. Faster and more telling than the full
// extension run in widgets-capture.test.ts, which covers the same pages end to end.
import type { Browser, Frame } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { buildWidgetFixtures } from '../../scripts/build-widget-fixtures.mjs';
import { NEGOTIATION_SCRIPTS, type Lang } from '../fixtures/widgets/src/negotiation-scripts';
import { WIDGET_FIXTURES, play, transcript, widgetUrl } from '../fixtures/widgets/widget-drivers';
import { waitFor } from './support/browser';
import { useEngineHarness, type FixtureServer } from './support/suite';

let browser: Browser;
let server: FixtureServer;
let harness: string;

useEngineHarness(async (env) => {
  ({ browser, server, harness } = env);
  await buildWidgetFixtures();
});

type Line = { kind: string; speaker?: string; text?: string; author?: string | null };
const stored = (f: Frame) => f.evaluate(() => (window as any).__capture.stored()) as Promise<Line[]>;

async function run(widget: (typeof WIDGET_FIXTURES)[number], lang: Lang, startAfter: number) {
  const script = NEGOTIATION_SCRIPTS[lang];
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  try {
    await page.addInitScript({ content: harness });
    await page.goto(`${server.origin}/fixtures/widgets/${widget.page}.html?lang=${lang}&agent=manual`);
    const frame = page.mainFrame();
    await frame.waitForFunction(() => (window as any).__widget, null, { timeout: 10_000 });
    await frame.locator(widget.input).waitFor({ timeout: 10_000 });
    for (const line of script.slice(0, startAfter)) await play(frame, widget, line);
    await frame.evaluate(() => (window as any).__capture.start());
    for (const line of script.slice(startAfter)) await play(frame, widget, line);
    expect(await transcript(frame)).toEqual(script);
    await waitFor(async () => (await stored(frame)).filter((l) => l.kind === 'message').length >= script.length, { timeout: 4000, what: 'all messages' }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 600));
    const lines = await stored(frame);
    return {
      messages: lines.filter((l) => l.kind === 'message').map((l) => ({ speaker: l.speaker, text: l.text })),
      authors: lines.filter((l) => l.kind === 'message').map((l) => l.author),
      others: lines.filter((l) => l.kind === 'edit' || l.kind === 'remove'),
      list: await frame.evaluate(() => (window as any).__capture.list()),
    };
  } finally {
    await page.close();
  }
}

describe.each(WIDGET_FIXTURES.filter((w) => !w.iframe))('$id', (widget) => {
  test.each(['zh', 'en'] as Lang[])('%s negotiation on an empty chat is recorded exactly', async (lang) => {
    const { messages, others } = await run(widget, lang, 0);
    expect(messages).toEqual(NEGOTIATION_SCRIPTS[lang]);
    expect(others).toEqual([]);
  });

  test('started mid-conversation: the lines shown, then the rest', async () => {
    const { messages, others } = await run(widget, 'zh', 4);
    expect(messages).toEqual(NEGOTIATION_SCRIPTS.zh);
    expect(others).toEqual([]);
  });
});

// chatscope draws a notice as a MessageSeparator: a row as wide as the list, its words centred
// between two rules. Recorded before any message of the user's (the chat then pauses), it is
// still the system's: the list's other parts (all the agent's, on the left) do not give it their side.
describe.each(WIDGET_FIXTURES.filter((w) => w.page === 'chatscope' && !w.iframe))('$id', (widget) => {
  test('the "joined" notice and the greeting, then a pause: the notice is recorded as the system\'s', async () => {
    const script = NEGOTIATION_SCRIPTS.zh;
    expect(script[0].speaker).toBe('system');
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    try {
      await page.addInitScript({ content: harness });
      await page.goto(widgetUrl(server.origin, widget, 'zh'));
      const frame = page.mainFrame();
      await frame.waitForFunction(() => (window as any).__widget, null, { timeout: 10_000 });
      await frame.locator(widget.input).waitFor({ timeout: 10_000 });
      await frame.evaluate(() => (window as any).__capture.start());
      for (const line of script.slice(0, 2)) await play(frame, widget, line);
      await waitFor(async () => (await stored(frame)).filter((l) => l.kind === 'message').length >= 2, { timeout: 4000, what: 'two messages' });
      await new Promise((r) => setTimeout(r, 500));
      const messages = (await stored(frame)).filter((l) => l.kind === 'message').map((l) => ({ speaker: l.speaker, text: l.text }));
      expect(messages).toEqual(script.slice(0, 2));
    } finally {
      await page.close();
    }
  });
});

// The agent's name shows once per group of their messages (in the group's header or in its
// first message's part): every message of the group carries it.
describe.each(WIDGET_FIXTURES.filter((w) => w.page === 'livechat-ui-kit' || w.query === 'groups'))('$id', (widget) => {
  test('every agent message grouped under one name carries it', async () => {
    const { messages, authors } = await run(widget, 'en', 0);
    const agentLines = NEGOTIATION_SCRIPTS.en.filter((l) => l.speaker === 'agent').length;
    expect(authors.filter((_, i) => messages[i].speaker === 'agent')).toEqual(Array(agentLines).fill('Sarah'));
  });
});

// A picture message as a real library draws it (chatscope's image type: an <img> in the bubble, no words).
describe.each(WIDGET_FIXTURES.filter((w) => w.page === 'chatscope' && !w.query && !w.iframe))('$id', (widget) => {
  test('a picture the agent sends is recorded as "[image: its file name]", in its place', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    try {
      await page.addInitScript({ content: harness });
      await page.goto(`${server.origin}/fixtures/widgets/${widget.page}.html?lang=zh&agent=manual`);
      const frame = page.mainFrame();
      await frame.waitForFunction(() => (window as any).__widget, null, { timeout: 10_000 });
      await frame.evaluate(() => (window as any).__capture.start());
      const [greeting, , , ask] = NEGOTIATION_SCRIPTS.zh.filter((l) => l.speaker !== 'system');
      for (const line of [greeting, { speaker: 'agent', text: 'image:/fixtures/chats/repayment-plan.svg' }, ask])
        await frame.evaluate(async ({ speaker, text }) => {
          (window as any).__widget.say(speaker, text);
          await (window as any).__widget.idle();
        }, line);
      const expected = [greeting, { speaker: 'agent', text: '[image: repayment-plan.svg]' }, ask];
      await waitFor(async () => (await stored(frame)).filter((l) => l.kind === 'message').length >= expected.length, { timeout: 4000, what: 'all messages' }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 400));
      const lines = await stored(frame);
      expect(lines.filter((l) => l.kind === 'message').map((l) => ({ speaker: l.speaker, text: l.text }))).toEqual(expected);
      expect(lines.filter((l) => l.kind === 'edit' || l.kind === 'remove')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
