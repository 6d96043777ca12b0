// Recording that starts by itself on a listed site and shows it, and a message sent
// just before its tab closes that is still stored.
import { expect, test } from 'vitest';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';

let b: ExtensionBrowser;
let server: FixtureServer;

useExtensionAndFixtures((env) => void ({ b, server } = env));

const badgeOf = (tabId: number) => b.apiPage.evaluate((id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId);

test('a site on the auto-start list is recorded as soon as it opens, with the badge on', async () => {
  const { settings } = await b.api({ type: 'settings.get' });
  await b.api({ type: 'settings.set', settings: { autoStartSites: [...settings.autoStartSites, '127.0.0.1/demo/'] } });
  try {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/demo/chat.html?lang=en&delay=20`);
    const tabId = await b.tabIdOf(page);
    const status = await waitFor(async () => {
      const s = await b.api({ type: 'capture.status', tabId });
      return s.capturing && s.count > 0 ? s : null;
    }, { what: 'auto-started capture' });
    expect(status.sessionId).toBeTruthy();
    expect(await badgeOf(tabId)).toBe('REC');
    await b.api({ type: 'capture.stop', tabId });
    expect(await badgeOf(tabId)).toBe('');
    await page.close();
  } finally {
    await b.api({ type: 'settings.set', settings: { autoStartSites: settings.autoStartSites } });
  }
});

test('a site not on the list is not recorded', async () => {
  const page = await b.context.newPage();
  await page.goto(`${server.origin}/demo/chat.html?lang=en&delay=20`);
  await page.evaluate(() => (window as any).__demo.idle());
  const tabId = await b.tabIdOf(page);
  await new Promise((r) => setTimeout(r, 300));
  expect(await b.api({ type: 'capture.status', tabId })).toMatchObject({ ok: true, capturing: false });
  await page.close();
});

test('a message sent 50 ms before its tab closes is stored', async () => {
  const page = await b.context.newPage();
  await page.goto(`${server.origin}/demo/chat.html?lang=en&delay=20`);
  await page.evaluate(() => (window as any).__demo.idle());
  const tabId = await b.tabIdOf(page);
  const { sessionId } = await b.api({ type: 'capture.start', tabId });
  await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count > 0, { what: 'first entries' });
  const last = 'My last words before closing the tab.';
  await page.fill('#chat-input', last);
  await page.click('#send-button');
  await new Promise((r) => setTimeout(r, 50));
  await page.close();
  const texts = await waitFor(async () => {
    const { data } = await b.api({ type: 'session.export', sessionId, format: 'json' });
    const t = data.entries.filter((e: any) => e.kind === 'message').map((e: any) => e.text);
    return t.includes(last) ? t : null;
  }, { what: 'the last message stored' });
  expect(texts.filter((t: string) => t === last)).toHaveLength(1);
  const { sessions } = await b.api({ type: 'session.list' });
  expect(sessions.find((s: any) => s.id === sessionId).endedAt).not.toBeNull();
});

test('calls about a session that does not exist answer not-found', async () => {
  const sessionId = 'no-such-session';
  for (const req of [
    { type: 'session.note', sessionId, text: 'x' },
    { type: 'session.set-agent', sessionId, agent: { name: 'Lily', employeeId: null } },
    { type: 'session.set-agreement', sessionId, agreement: null },
    { type: 'session.export', sessionId, format: 'json' },
  ]) {
    expect(await b.api(req)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }
});
