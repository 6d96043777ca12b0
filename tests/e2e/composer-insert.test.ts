// compose.insert through the real extension: the background probes every
// frame, the best frame's content script inserts by the editor's route, and
// the page's OWN send button then sends exactly the text (window.__sent).
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startFixtureServer } from './support/server';
import { buildEditorFixtures } from '../fixtures/editors/build';
import { DRAFT, EDITOR_PAGES, EN_TEXT, ZH_TEXT, editableOf, openEditorPage, sendAndRead, sendEnabled, typeDraft, type EditorPage } from '../fixtures/editors/cases';

let b: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  await buildEditorFixtures();
  server = await startFixtureServer();
  b = await launchWithExtension();
  page = await b.context.newPage();
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

/** Opens the page and waits until its content script's composer answers probes. */
async function open(entry: EditorPage): Promise<{ frame: Frame; tabId: number }> {
  const frame = await openEditorPage(page, server.origin, entry);
  const tabId = await b.tabIdOf(page);
  return { frame, tabId };
}

function insert(tabId: number, text: string, mode?: 'insert' | 'replace') {
  return b.api({ type: 'compose.insert', tabId, text, ...(mode ? { mode } : {}) });
}

describe.each(EDITOR_PAGES)('$page', (entry) => {
  test('a Chinese sentence with a 【占位】 placeholder goes into the empty box; the page sends exactly it', async () => {
    const { frame, tabId } = await open(entry);
    expect(await sendEnabled(frame)).toBe(false);
    expect(await insert(tabId, ZH_TEXT)).toEqual({ ok: true });
    expect(await sendEnabled(frame)).toBe(true);
    expect(await sendAndRead(frame)).toBe(ZH_TEXT);
  });

  test('insert mode keeps the draft the person typed', async () => {
    const { frame, tabId } = await open(entry);
    await typeDraft(frame, entry, DRAFT);
    expect(await insert(tabId, EN_TEXT)).toEqual({ ok: true });
    expect(await sendAndRead(frame)).toBe(DRAFT + EN_TEXT);
  });

  test('insert mode puts the text at the caret the person left inside the draft', async () => {
    const { frame, tabId } = await open(entry);
    await editableOf(frame, entry).click();
    await page.keyboard.type('AB');
    await page.keyboard.press('ArrowLeft');
    await page.mouse.click(1200, 20); // focus leaves, as when the person clicks the sidebar
    expect(await insert(tabId, '【占位】')).toEqual({ ok: true });
    expect(await sendAndRead(frame)).toBe('A【占位】B');
  });

  test('replace mode replaces the draft', async () => {
    const { frame, tabId } = await open(entry);
    await typeDraft(frame, entry, DRAFT);
    expect(await insert(tabId, ZH_TEXT, 'replace')).toEqual({ ok: true });
    expect(await sendAndRead(frame)).toBe(ZH_TEXT);
  });
});

test.each(['lexical', 'slate'])('two inserts at once both land whole, one after the other (%s)', async (name) => {
  const { frame, tabId } = await open(EDITOR_PAGES.find((p) => p.page === name)!);
  const replies = await Promise.all([insert(tabId, '第一句。'), insert(tabId, 'Second.')]);
  expect(replies).toEqual([{ ok: true }, { ok: true }]);
  expect(['第一句。Second.', 'Second.第一句。']).toContain(await sendAndRead(frame));
});

test('the insert never sends by itself', async () => {
  const { frame, tabId } = await open(EDITOR_PAGES[0]);
  expect(await insert(tabId, EN_TEXT)).toEqual({ ok: true });
  await page.waitForTimeout(300);
  expect(await frame.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).toEqual([]);
});

test('a page whose editor refuses the text reports not-accepted (so the caller can offer the clipboard)', async () => {
  const { frame, tabId } = await open({ page: 'rejecting', kind: 'textarea', editable: 'textarea#editor' });
  const reply = await insert(tabId, ZH_TEXT);
  expect(reply).toMatchObject({ ok: false, error: { code: 'not-accepted' } });
  expect(await sendEnabled(frame)).toBe(false);
});

test('a page without a chat input reports no-input', async () => {
  await page.goto(`${server.origin}/fixtures/editors/no-input.html`);
  const tabId = await b.tabIdOf(page);
  const reply = await insert(tabId, ZH_TEXT);
  expect(reply).toMatchObject({ ok: false, error: { code: 'no-input' } });
});
