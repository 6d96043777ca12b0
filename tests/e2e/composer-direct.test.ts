// The composer bundled alone into each fixture page (real editors from npm):
// it recognises every editor kind and scores the chat box. Inserting is
// tested through the real extension in composer-insert.test.ts.
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM } from './support/browser';
import { startFixtureServer } from './support/server';
import { buildComposerUnderTest, buildEditorFixtures } from '../fixtures/editors/build';
import { EDITOR_PAGES, editorFrameOf, openEditorPage, type EditorPage } from '../fixtures/editors/cases';

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

/** Opens the page and loads the composer into the document that holds its editor. */
async function open(entry: EditorPage): Promise<Frame> {
  const frame = await editorFrameOf(await openEditorPage(page, server.origin, entry), entry);
  await frame.addScriptTag({ url: `${server.origin}/fixtures/editors/dist/composer-under-test.js` });
  await frame.evaluate(() => (window as any).__composerUnderTest.trackFocus());
  return frame;
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
});
