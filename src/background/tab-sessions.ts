// Which tab is capturing into which session. Kept in storage.session, not in module
// variables, because the service worker may stop between two messages of one chat.
import browser from '../lib/browser';

const KEY = 'tabSessions';

type TabSessions = Record<string, string>;

async function read(): Promise<TabSessions> {
  const got = await browser.storage.session.get(KEY);
  return (got[KEY] as TabSessions | undefined) ?? {};
}

export async function sessionOfTab(tabId: number): Promise<string | null> {
  return (await read())[String(tabId)] ?? null;
}

export async function setSessionOfTab(tabId: number, sessionId: string | null): Promise<void> {
  const map = await read();
  if (sessionId) map[String(tabId)] = sessionId;
  else delete map[String(tabId)];
  await browser.storage.session.set({ [KEY]: map });
}

export async function tabOfSession(sessionId: string): Promise<number | null> {
  const entry = Object.entries(await read()).find(([, s]) => s === sessionId);
  return entry ? Number(entry[0]) : null;
}
