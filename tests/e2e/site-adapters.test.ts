// Site adapters end to end: every adapter's fixture page (its platform's markup, on 127.0.0.1,
// so the adapter is found by its probe) is captured by the real extension while a zh and an en
// negotiation plays, with a notice where the platform shows notices and the typing indicator
// shown along the way and left on at the end. The exported message entries must equal the
// script: same speakers, same text, in order, each once; nothing from the host page's
// notification feed, which generic detection would have chosen (see the unit test
// tests/unit/capture/site-adapters.test.ts): an exact transcript means the adapter chose the list.
// Where the adapter names the chat box, compose.insert must fill it and the platform's own
// send path (its send button, or Enter) must send exactly that text. A widget the page writes
// into a same-origin frame (tawk.to's about:srcdoc panel, Zendesk's about:blank #webWidget)
// is captured and filled in that frame, and the host feed around it is not recorded.
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { SITE_ADAPTERS } from '../../src/lib/capture/adapters';
import { ADAPTER_FIXTURES, COMPOSER_TEXTS, expectedMessages, scriptFor, type Lang, type ScriptStep } from '../fixtures/adapters/adapter-scripts';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { openExtensionPage, setLook } from './support/ui-pages';
import { showPanel, sidebarFrame } from './sidebar-helpers';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';

let b: ExtensionBrowser;
let server: FixtureServer;

useExtensionAndFixtures((env) => void ({ b, server } = env));

type Entry = { kind: string; speaker: string; text: string; author: string | null };
const HOST_FEED_WORDS = ['Statement for November', 'Autopay is off', 'Paperless billing'];

async function open(page: string): Promise<{ tab: Page; tabId: number }> {
  const tab = await b.context.newPage();
  await tab.goto(`${server.origin}/fixtures/adapters/${page}`);
  await tab.waitForFunction(() => (window as any).__fixture);
  return { tab, tabId: await b.tabIdOf(tab) };
}

async function startCapture(tabId: number): Promise<string> {
  const reply = await b.api({ type: 'capture.start', tabId });
  expect(reply).toMatchObject({ ok: true });
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).capturing, { what: 'capturing' });
  await new Promise((r) => setTimeout(r, 300));
  return reply.sessionId;
}

/** Plays script steps; a typing indicator stays up long enough for the capture to see it. */
async function play(tab: Page, steps: ScriptStep[]): Promise<void> {
  for (const s of steps) {
    if ('typing' in s) {
      await tab.evaluate(() => (window as any).__fixture.typing(true));
      await new Promise((r) => setTimeout(r, 250));
    } else {
      await tab.evaluate(([speaker, text]) => (window as any).__fixture.say(speaker, text), [s.speaker, s.text] as const);
      await new Promise((r) => setTimeout(r, 60));
    }
  }
}

async function exportedEntries(sessionId: string): Promise<Entry[]> {
  const reply = await b.api({ type: 'session.export', sessionId, format: 'json' });
  expect(reply.ok).toBe(true);
  return reply.data.entries;
}

/** Waits for `count` message entries, then a little longer so anything extra shows too. */
async function settledMessages(sessionId: string, count: number): Promise<Entry[]> {
  const messages = async () => (await exportedEntries(sessionId)).filter((e) => e.kind === 'message');
  await waitFor(async () => (await messages()).length >= count, { what: `${count} messages`, timeout: 10_000 }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 800));
  return messages();
}

describe.each(ADAPTER_FIXTURES)('$adapter', (fixture) => {
  const adapter = SITE_ADAPTERS.find((a) => a.name === fixture.adapter)!;
  /** The document the widget is in: the page, or the frame the page wrote it into. */
  const widget = (tab: Page): Page | FrameLocator => (fixture.frame ? tab.frameLocator(fixture.frame.selector) : tab);
  /** The chat box the adapter names (a platform may keep a hidden twin of it). */
  const chatBox = (tab: Page) => widget(tab).locator(adapter.input!).filter({ visible: true }).first();
  const boxText = async (tab: Page) =>
    ((await chatBox(tab).evaluate((el) => ((el as HTMLElement).isContentEditable ? (el as HTMLElement).innerText : (el as HTMLTextAreaElement).value))) as string).trim();

  test('is found by its probe, not its host name', () => {
    expect(adapter.match?.test('127.0.0.1') ?? false).toBe(false);
    expect(adapter.probe).toBeTruthy();
  });

  test.each([
    ['zh', 0],
    ['en', 0],
    ['zh', 3],
  ] as [Lang, number][])('%s negotiation, capture started after %i steps, is recorded exactly', async (lang, startAfter) => {
    const steps = scriptFor(fixture, lang);
    const { tab, tabId } = await open(fixture.page);
    try {
      await play(tab, steps.slice(0, startAfter));
      const sessionId = await startCapture(tabId);
      await play(tab, steps.slice(startAfter));
      const expected = expectedMessages(steps);
      // The page did what the script says (else the failure is the fixture's, not the capture's).
      expect(await tab.evaluate(() => (window as any).__fixture.transcript())).toEqual(expected);

      const messages = await settledMessages(sessionId, expected.length);
      const { platform } = await b.api({ type: 'capture.status', tabId });
      await b.api({ type: 'capture.stop', tabId });
      expect(messages.map((e) => ({ speaker: e.speaker, text: e.text }))).toEqual(expected);
      // Nothing of the host page's feed: the adapter's list was the one captured.
      for (const e of messages) for (const w of HOST_FEED_WORDS) expect(e.text).not.toContain(w);
      if (fixture.agentName) expect(messages.find((e) => e.speaker === 'agent')!.author).toBe(fixture.agentName);
      // capture.status names the platform the adapter recognised (the popup and the sidebar show it).
      expect(platform).toBe(adapter.label);
    } finally {
      await tab.close();
    }
  });

  test.runIf(Boolean(adapter.input))('compose.insert goes to the adapter\'s chat box even when another message box on the page had the focus last', async () => {
    const { tab, tabId } = await open(fixture.page);
    try {
      // A box the generic scorer would prefer: chat words, a Send button beside it, and the focus.
      await tab.evaluate(() => {
        const form = document.createElement('form');
        form.innerHTML = '<textarea id="other-box" placeholder="Type a message" aria-label="Message" rows="4" cols="60"></textarea><button type="button">Send</button>';
        document.body.prepend(form);
        (form.firstElementChild as HTMLTextAreaElement).focus();
      });
      expect(await b.api({ type: 'compose.insert', tabId, text: COMPOSER_TEXTS.zh })).toEqual({ ok: true });
      expect(await tab.locator('#other-box').inputValue()).toBe('');
      expect(await boxText(tab)).toBe(COMPOSER_TEXTS.zh);
    } finally {
      await tab.close();
    }
  });

  test.runIf(Boolean(adapter.input))('compose.insert fills the adapter\'s chat box and the platform sends exactly that text', async () => {
    const { tab, tabId } = await open(fixture.page);
    try {
      await play(tab, scriptFor(fixture, 'zh').slice(0, 3));
      for (const text of [COMPOSER_TEXTS.zh, COMPOSER_TEXTS.en]) {
        expect(await b.api({ type: 'compose.insert', tabId, text })).toEqual({ ok: true });
        // The text is in the element the adapter names, not some other box.
        expect(await boxText(tab)).toBe(text);
        if (adapter.send) await widget(tab).locator(adapter.send).first().click({ timeout: 5_000 });
        else await chatBox(tab).press('Enter', { timeout: 5_000 });
        const transcript = await tab.evaluate(() => (window as any).__fixture.transcript());
        expect(transcript.at(-1)).toEqual({ speaker: 'user', text });
        expect((await tab.evaluate(() => (window as any).__fixture.inputText())).trim()).toBe('');
      }
    } finally {
      await tab.close();
    }
  });
});

// tawk.html?late and odoo-livechat.html?late open the chat when window.openWidget() is called.
describe.each(['tawk', 'odoo-livechat'])('a %s chat opened after recording began on the page', (name) => {
  test('the list guessed in the page (its notification feed) gives way: the chat is recorded, the feed no longer', async () => {
    const fixture = ADAPTER_FIXTURES.find((f) => f.adapter === name)!;
    const tab = await b.context.newPage();
    try {
      await tab.goto(`${server.origin}/fixtures/adapters/${fixture.page}?late`);
      const tabId = await b.tabIdOf(tab);
      const sessionId = await startCapture(tabId);
      // Until the chat opens, the feed is the page's only list: its 8 rows are recorded (as notices).
      const feedRows = await settledMessages(sessionId, 8);
      expect(feedRows).toHaveLength(8);
      expect(feedRows.every((e) => e.speaker === 'system')).toBe(true);

      await tab.evaluate(() => (window as any).openWidget());
      await tab.waitForFunction(() => (window as any).__fixture);
      // The regular check that lets a guessed list go runs every 1.5 s.
      await new Promise((r) => setTimeout(r, 2_000));
      const steps = scriptFor(fixture, 'en');
      await play(tab, steps);
      const expected = expectedMessages(steps);
      const messages = await settledMessages(sessionId, 8 + expected.length);
      expect(messages.slice(8).map((e) => ({ speaker: e.speaker, text: e.text }))).toEqual(expected);

      // A new row in the feed now stays out of the record.
      await tab.evaluate(() => {
        const row = document.createElement('div');
        row.className = 'notification-message message-item';
        row.textContent = 'Cashback of $12 credited';
        document.querySelector('.site-notification-messages')!.appendChild(row);
      });
      await new Promise((r) => setTimeout(r, 2_000));
      const after = (await exportedEntries(sessionId)).filter((e) => e.kind === 'message');
      expect(after.map((e) => e.text)).not.toContain('Cashback of $12 credited');
      expect(after).toHaveLength(8 + expected.length);
      await b.api({ type: 'capture.stop', tabId });
    } finally {
      await tab.close();
    }
  });
});

describe('the recognised platform in the popup and the sidebar', () => {
  test.each([
    ['zh-CN', '已识别的聊天平台：Zendesk'],
    ['en', 'Recognised chat: Zendesk'],
  ] as const)('%s', async (language, line) => {
    await setLook(b, language, 'light');
    const fixture = ADAPTER_FIXTURES.find((f) => f.adapter === 'zendesk-chat')!;
    const { tab, tabId } = await open(fixture.page);
    try {
      await startCapture(tabId);
      await play(tab, scriptFor(fixture, 'en').slice(0, 3));
      await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).platform === 'Zendesk', { what: 'the platform' });
      const popup = await openExtensionPage(b, `popup.html?tabId=${tabId}`, '[data-state="recording"]');
      await popup.waitForSelector('[data-testid="platform"]');
      expect((await popup.locator('[data-testid="platform"]').textContent())?.trim()).toBe(line);
      await popup.close();
      await b.api({ type: 'sidebar.toggle', tabId, open: true });
      const sidebar = await sidebarFrame(tab);
      await showPanel(sidebar, 'transcript');
      await sidebar.waitForSelector('[data-testid="platform"]');
      expect((await sidebar.locator('[data-testid="platform"]').textContent())?.trim()).toBe(line);
      await b.api({ type: 'capture.stop', tabId });
    } finally {
      await tab.close();
      await setLook(b, 'auto', 'auto');
    }
  });
});
