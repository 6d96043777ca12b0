// Quick insert through the real extension on the React textarea fixture:
// Alt+Q in the chat box opens the phrase search (a closed shadow root, driven
// here by keyboard only, as a person would), Enter inserts the chosen phrase.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './support/browser';
import { closedShadowElement } from './support/closed-shadow';
import { startFixtureServer } from './support/server';
import { buildEditorFixtures } from '../fixtures/editors/build';
import { DRAFT, EDITOR_PAGES, openEditorPage, sendAndRead, typeDraft } from '../fixtures/editors/cases';

const REACT = EDITOR_PAGES.find((p) => p.page === 'react-textarea')!;
const POPUP = 'chat-evidence-quick-insert';

let b: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let page: Page;
let frame: Frame;
let tabId: number;

interface Suggestion {
  id: string;
  stage: string;
  text: string;
}

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
beforeEach(async () => {
  frame = await openEditorPage(page, server.origin, REACT);
  tabId = await b.tabIdOf(page);
  await typeDraft(frame, REACT, DRAFT);
  await frame.locator(REACT.editable).click(); // caret back at the end of the draft
});

async function suggestions(query: string): Promise<Suggestion[]> {
  const reply = await b.api<{ ok: boolean; suggestions: Suggestion[] }>({ type: 'suggest.list', tabId, query, limit: 8 });
  expect(reply.ok).toBe(true);
  return reply.suggestions;
}

const popupOpen = () => page.evaluate((tag) => document.querySelector(tag) !== null, POPUP);
const value = () => frame.locator(REACT.editable).inputValue();

test('Alt+Q opens the phrase search; ↓ and Enter insert the second phrase after the draft', async () => {
  const expected = await suggestions('');
  expect(expected.length).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Alt+q');
  await waitFor(popupOpen, { what: 'quick-insert popup' });
  await page.waitForTimeout(300); // the phrase list arrives from the background
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitFor(async () => !(await popupOpen()), { what: 'popup closed' });
  await waitFor(async () => (await value()) === DRAFT + expected[1].text, { what: `draft + "${expected[1].text}"` });
  expect(await sendAndRead(frame)).toBe(DRAFT + expected[1].text);
});

test('typing filters the phrases as suggest.list does for that query', async () => {
  const all = await suggestions('');
  const query = all[all.length - 1].text.split(/[\s，。,.]+/).find((w) => w.length >= 4) ?? all[0].text.slice(0, 4);
  const expected = await suggestions(query);
  expect(expected.length).toBeGreaterThan(0);
  // Otherwise the test could not tell a filtered list from an unfiltered one.
  expect(expected[0].id).not.toBe(all[0].id);
  await page.keyboard.press('Alt+q');
  await waitFor(popupOpen, { what: 'quick-insert popup' });
  await page.keyboard.type(query);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await waitFor(async () => (await value()) === DRAFT + expected[0].text, { what: `draft + "${expected[0].text}"` });
});

test('Esc closes the search, leaves the draft alone and gives the caret back', async () => {
  await page.keyboard.press('Alt+q');
  await waitFor(popupOpen, { what: 'quick-insert popup' });
  await page.keyboard.press('Escape');
  await waitFor(async () => !(await popupOpen()), { what: 'popup closed' });
  expect(await value()).toBe(DRAFT);
  expect(await frame.evaluate(() => document.activeElement?.id)).toBe('editor');
  await page.keyboard.type('!');
  expect(await value()).toBe(DRAFT + '!');
});

test('the shortcut does nothing outside the chat input', async () => {
  await frame.locator('#site-search').click();
  await page.keyboard.press('Alt+q');
  await page.waitForTimeout(300);
  expect(await popupOpen()).toBe(false);
});

/** Presses `keys` in the chat box until the search opens, and closes it again: true when it opened. */
async function opensWith(keys: string): Promise<boolean> {
  await frame.locator(REACT.editable).click();
  await page.keyboard.press(keys);
  const opened = await waitFor(popupOpen, { what: 'quick-insert popup', timeout: 500 }).catch(() => false);
  if (opened) await page.keyboard.press('Escape');
  return opened === true;
}

test('an open page takes a settings change at once: the search speaks the language setting and takes the theme setting, not the browser’s', async () => {
  // The browser is en-US on a light system; the page is open when the settings change to Chinese, dark.
  await b.api({ type: 'settings.set', settings: { language: 'zh-CN', theme: 'dark' } });
  try {
    // The new look reaches the page just after settings.set answers.
    await waitFor(
      async () => {
        await frame.locator(REACT.editable).click();
        await page.keyboard.press('Alt+q');
        await waitFor(popupOpen, { what: 'quick-insert popup' });
        const box = await closedShadowElement(page, 'box', ['background-color']);
        await page.keyboard.press('Escape');
        return box.attr('aria-label') === '快速插入话术' && box.style['background-color'] === 'rgb(31, 35, 41)';
      },
      { what: 'the search in Chinese, dark', interval: 200, timeout: 5000 },
    );
  } finally {
    await b.api({ type: 'settings.set', settings: { language: 'auto', theme: 'auto' } });
  }
});

test('an open page takes a new shortcut at once, and the old one stops opening the search', async () => {
  await b.api({ type: 'settings.set', settings: { quickInsertShortcut: 'Alt+K' } });
  try {
    await waitFor(() => opensWith('Alt+k'), { what: 'Alt+K opens the search', interval: 200, timeout: 5000 });
    expect(await opensWith('Alt+q')).toBe(false);
  } finally {
    await b.api({ type: 'settings.set', settings: { quickInsertShortcut: 'Alt+Q' } });
  }
  await waitFor(() => opensWith('Alt+q'), { what: 'Alt+Q opens the search again', interval: 200, timeout: 5000 });
});
