// The sidebar end to end on the demo chat: the page cannot see into the host; a
// profile field filled inline; a suggestion inserted into the chat box; recording
// shows entries live; a note; the agent and the agreement saved into the session.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './support/browser';
import { startFixtureServer } from './support/server';
import { openWithSidebar, showPanel, type SidebarTab } from './sidebar-helpers';

let b: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let tab: SidebarTab;

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ locale: 'en-US' });
  await b.api({ type: 'settings.set', settings: { language: 'en', theme: 'light' } });
  await b.api({ type: 'profile.set', profile: { name: 'Alex Chen', phone: '', account: '6222020200112233', product: 'credit card', amount: '3000', overdueDays: '12', proposedDate: '', monthlyIncome: '', reason: '', instalments: '' } });
  tab = await openWithSidebar(b, `${server.origin}/demo/chat.html?lang=en&delay=0`);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

test('the page sees one host element with a closed shadow root, nothing inside', async () => {
  const seen = await tab.page.evaluate(() => {
    const hosts = document.querySelectorAll('[data-chat-evidence-host]');
    const host = hosts[0] as HTMLElement;
    return { count: hosts.length, shadowRoot: host.shadowRoot, children: host.children.length, iframes: document.querySelectorAll('iframe').length };
  });
  expect(seen).toEqual({ count: 1, shadowRoot: null, children: 0, iframes: 0 });
});

test('the host comes back when the page removes it', async () => {
  await tab.page.evaluate(() => document.querySelector('[data-chat-evidence-host]')!.remove());
  await waitFor(() => tab.page.evaluate(() => document.querySelector('[data-chat-evidence-host]') !== null), { what: 'host re-attached' });
  // Moving an iframe reloads it: find the fresh frame for the next tests.
  const { sidebarFrame } = await import('./sidebar-helpers');
  tab.frame = await sidebarFrame(tab.page);
});

test('a missing fill-in field is filled inline and saved into the profile', async () => {
  const { frame } = tab;
  await showPanel(frame, 'suggest');
  await frame.waitForSelector('.suggestion');
  // Search for phrases that use the proposed date, which the profile does not have yet.
  await frame.fill('#suggest-query', 'date');
  const field = await frame.waitForSelector('.suggestion .fill.is-missing[data-field="proposedDate"]');
  await field.click();
  const input = await frame.waitForSelector('.suggestion .fill-input');
  await input.fill('2026-12-20');
  await input.press('Enter');
  await waitFor(async () => (await b.api<{ profile: { proposedDate: string } }>({ type: 'profile.get' })).profile.proposedDate === '2026-12-20', { what: 'profile saved' });
  await frame.waitForSelector('.suggestion .fill.is-filled[data-field="proposedDate"]');
});

test('Insert puts the filled suggestion into the demo chat box', async () => {
  const { frame, page } = tab;
  await frame.fill('#suggest-query', '');
  // Nothing recorded yet: the conversation is not at the identity stage (see the live-turn test).
  await frame.waitForSelector('.stage-badge.is-top');
  expect(await frame.$eval('.stage-badge.is-top', (el) => el.getAttribute('data-stage'))).not.toBe('identify');
  const first = await frame.waitForSelector('.suggestion');
  await (await first.$('button.insert'))!.click();
  const value = await waitFor(() => page.$eval('#chat-input', (el) => (el as HTMLTextAreaElement).value), { what: 'chat input filled' });
  expect(value.length).toBeGreaterThan(10);
  expect(value).not.toMatch(/\{[a-zA-Z]+\}/);
  await frame.waitForSelector('.flash-ok');
});

test('recording shows entries live, and a note is added', async () => {
  const { frame, page } = tab;
  await showPanel(frame, 'transcript');
  await frame.click('.capture-toggle');
  await frame.waitForSelector('.recording-status[data-state="recording"]');
  await page.fill('#chat-input', 'Hello, I need more time to pay my bill.');
  await page.click('#send-button');
  await frame.waitForSelector('.transcript .entry.speaker-user', { timeout: 15_000 });
  await frame.waitForSelector('.transcript .entry.speaker-agent', { timeout: 15_000 });
  await frame.fill('#note-text', 'Agent was polite; asked for my reason.');
  await frame.click('button.add-note');
  await frame.waitForSelector('.transcript .entry-note', { timeout: 10_000 });
  const count = Number(await frame.$eval('.entry-count', (el) => el.getAttribute('data-count')));
  expect(count).toBeGreaterThanOrEqual(3);
});

test('suggestions follow the agent’s turn: after the agent asks who the user is, details come first', async () => {
  const { frame } = tab;
  await showPanel(frame, 'suggest');
  // The demo agent's reply to the first message introduces itself and asks for identity details.
  await frame.waitForSelector('.stage-badge.is-top[data-stage="identify"]', { timeout: 10_000 });
  await frame.waitForSelector('.suggestion[data-stage="identify"]');
  await showPanel(frame, 'transcript');
});

test('a screenshot is bound into the record, and the sidebar comes back after it', async () => {
  const { frame, tabId } = tab;
  await frame.click('button.screenshot');
  // Needs the '<all_urls>' host permission (or activeTab) for tabs.captureVisibleTab.
  const flash = await frame.waitForSelector('.flash', { timeout: 15_000 });
  expect(await flash.textContent()).toMatch(/Screenshot saved into the record \(#\d+\)/);
  expect(await (await frame.frameElement()).isVisible()).toBe(true);
  const { sessionId } = await b.api<{ sessionId: string }>({ type: 'capture.status', tabId });
  const s = await b.api<{ attachments: unknown[] }>({ type: 'session.get', sessionId });
  expect(s.attachments).toHaveLength(1);
});

test('the agent and the agreement are saved into the session', async () => {
  const { frame, tabId } = tab;
  await showPanel(frame, 'case');
  // The account number is shown masked until focused.
  expect(await frame.$eval('#profile-account', (el) => (el as HTMLInputElement).value)).toBe('••••••••2233');
  await frame.fill('#agent-name', 'Lily');
  await frame.fill('#agent-id', 'A1234');
  await frame.click('button.save-agent');
  await frame.click('input[name="agreement-kind"][value="instalments"]');
  await frame.fill('#agreement-amount', '3000');
  await frame.fill('input[type="date"][aria-label$="1"]', '2026-12-20');
  await frame.fill('#agreement-conditions', 'No late fees.');
  await frame.click('button.save-agreement');
  const status = await b.api<{ sessionId: string }>({ type: 'capture.status', tabId });
  const got = await waitFor(
    async () => {
      const s = await b.api<{ session: { agent: { name: string | null }; agreement: unknown } }>({ type: 'session.get', sessionId: status.sessionId });
      return s.session.agreement && s.session.agent.name ? s.session : null;
    },
    { what: 'agent and agreement in the session' },
  );
  expect(got.agent).toEqual({ name: 'Lily', employeeId: 'A1234' });
  expect(got.agreement).toMatchObject({ kind: 'instalments', amount: '3000', dueDates: ['2026-12-20'], conditions: 'No late fees.' });
});

test('on a page without a chat box, Insert says so and falls back to the clipboard', async () => {
  const other = await openWithSidebar(b, `${server.origin}/demo/index.html`);
  await showPanel(other.frame, 'suggest');
  await (await other.frame.waitForSelector('.suggestion button.insert')).click();
  const flash = await other.frame.waitForSelector('.flash-warn');
  // Headless Chromium grants the iframe clipboard-write, so the copy itself succeeds.
  expect(await flash.textContent()).toMatch(/No chat box was found.*It was copied/);
  await other.page.close();
});

test('the language switch changes the sidebar’s language and saves the setting', async () => {
  const { frame } = tab;
  await frame.click('button.lang-switch');
  await frame.waitForSelector('html[lang="zh-CN"]');
  expect(await frame.textContent('#tab-suggest')).toBe('建议');
  const { settings } = await b.api<{ settings: { language: string } }>({ type: 'settings.get' });
  expect(settings.language).toBe('zh-CN');
});
