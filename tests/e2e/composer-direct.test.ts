// The composer driven directly (bundled alone into the fixture page) against
// real editors from npm: each page's own state must end up holding the text.
// This isolates the composer from the extension's messaging; composer-insert
// covers the same pages through the real extension.
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM } from './support/browser';
import { startFixtureServer } from './support/server';
import { buildComposerUnderTest, buildEditorFixtures } from '../fixtures/editors/build';
import { DRAFT, EDITOR_PAGES, EN_TEXT, ZH_TEXT, openEditorPage, sendAndRead, sendEnabled, typeDraft, type EditorPage } from '../fixtures/editors/cases';

let browser: Browser;
let server: { origin: string; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  await Promise.all([buildEditorFixtures(), buildComposerUnderTest()]);
  server = await startFixtureServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(entry: EditorPage): Promise<Frame> {
  const frame = await openEditorPage(page, server.origin, entry);
  await frame.addScriptTag({ url: `${server.origin}/fixtures/editors/dist/composer-under-test.js` });
  await frame.evaluate(() => (window as any).__composerUnderTest.trackFocus());
  return frame;
}

function insert(frame: Frame, text: string, mode: 'insert' | 'replace' = 'insert') {
  return frame.evaluate(([t, m]) => (window as any).__composerUnderTest.insertIntoChat(t, m), [text, mode] as const);
}

describe.each(EDITOR_PAGES)('$page', (entry) => {
  test('detects the editor kind and scores the chat box above 0', async () => {
    const frame = await open(entry);
    const probe = await frame.evaluate(() => (window as any).__composerUnderTest.probeChatInput());
    expect(probe).toBeGreaterThan(0);
    const kind = await frame.evaluate((sel) => {
      const el = document.querySelector(sel) ?? document.querySelector('chat-widget')!.shadowRoot!.querySelector('textarea')!;
      return (window as any).__composerUnderTest.editorKind(el);
    }, entry.editable.replace(/^chat-widget /, ''));
    expect(kind).toBe(entry.kind);
  });

  test('inserts a Chinese sentence with a placeholder into the empty box; the page sends exactly it', async () => {
    const frame = await open(entry);
    expect(await sendEnabled(frame)).toBe(false);
    const result = await insert(frame, ZH_TEXT);
    expect(result).toMatchObject({ ok: true });
    expect(await sendEnabled(frame)).toBe(true);
    expect(await sendAndRead(frame)).toBe(ZH_TEXT);
  });

  test('keeps the person\'s draft in insert mode', async () => {
    const frame = await open(entry);
    await typeDraft(frame, entry, DRAFT);
    const result = await insert(frame, EN_TEXT);
    expect(result).toMatchObject({ ok: true });
    expect(await sendAndRead(frame)).toBe(DRAFT + EN_TEXT);
  });

  test('replaces the draft in replace mode', async () => {
    const frame = await open(entry);
    await typeDraft(frame, entry, DRAFT);
    const result = await insert(frame, ZH_TEXT, 'replace');
    expect(result).toMatchObject({ ok: true });
    expect(await sendAndRead(frame)).toBe(ZH_TEXT);
  });
});
