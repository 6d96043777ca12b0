// Starting and stopping capture in a tab: one live session per tab, its state in
// IndexedDB (the session) and storage.session (tab → session), never in memory.
import browser from '../lib/browser';
import { ApiError } from '../lib/messages';
import type { TabCommand } from '../lib/capture/protocol';
import { createSession, endSession, getSession } from '../lib/store/sessions';
import { appendBatch } from '../lib/store/entries';
import { getDb } from './db';
import { sessionOfTab, setSessionOfTab } from './tab-sessions';
import { showRecordingBadge } from './badge';
import { sendToAllFrames } from './tab-messaging';
import { publishEntries, publishStatus } from './live';
import { disconnectCapturePorts, drainCaptureQueue, olderMessagesHidden, recognisedPlatform } from './capture-port';
import { systemNoteText } from './system-notes';

async function tabOrFail(tabId: number) {
  try {
    return await browser.tabs.get(tabId);
  } catch {
    throw new ApiError('no-tab', `there is no tab ${tabId}`);
  }
}

async function addSystemNote(sessionId: string, tabId: number | null, text: string): Promise<void> {
  const db = await getDb();
  const { entries } = await appendBatch(db, sessionId, null, null, [{ kind: 'message', speaker: 'system', author: null, text, at: new Date().toISOString() }]);
  publishEntries(tabId, sessionId, entries);
}

export async function startCapture(tabId: number): Promise<{ sessionId: string }> {
  const current = await sessionOfTab(tabId);
  if (current) return { sessionId: current };
  const tab = await tabOrFail(tabId);
  if (!tab.url || !/^https?:/.test(tab.url)) throw new ApiError('unsupported-page', 'capture works on http(s) pages only');
  const db = await getDb();
  const sessionId = crypto.randomUUID();
  await createSession(db, { id: sessionId, url: tab.url, title: tab.title ?? '', tabId, startedAt: new Date().toISOString() });
  await setSessionOfTab(tabId, sessionId);
  await showRecordingBadge(tabId, true);
  await sendToAllFrames(tabId, { type: 'content.capture-start', sessionId });
  publishStatus(tabId, true, sessionId, 0);
  return { sessionId };
}

export async function stopCapture(tabId: number, reason?: string): Promise<{ sessionId: string }> {
  const sessionId = await sessionOfTab(tabId);
  if (!sessionId) throw new ApiError('not-capturing', `tab ${tabId} is not capturing`);
  await drainCaptureQueue(tabId);
  await setSessionOfTab(tabId, null);
  disconnectCapturePorts(tabId);
  await browser.tabs.sendMessage(tabId, { type: 'content.capture-stop' } satisfies TabCommand).catch(() => undefined);
  const db = await getDb();
  if (reason) await addSystemNote(sessionId, tabId, reason);
  const session = await endSession(db, sessionId, new Date().toISOString());
  await showRecordingBadge(tabId, false);
  publishStatus(tabId, false, null, session.count);
  return { sessionId };
}

export async function captureStatus(tabId: number) {
  const sessionId = await sessionOfTab(tabId);
  if (!sessionId) return { capturing: false, sessionId: null, count: 0 };
  const session = await getSession(await getDb(), sessionId);
  const platform = recognisedPlatform(sessionId);
  return { capturing: true, sessionId, count: session?.count ?? 0, agent: session?.agent, ...(olderMessagesHidden(sessionId) ? { olderMessagesHidden: true } : {}), ...(platform ? { platform } : {}) };
}

/** A tab that closes ends its session; entries already sent by its frames are still stored. */
export async function onTabRemoved(tabId: number): Promise<void> {
  const sessionId = await sessionOfTab(tabId);
  if (!sessionId) return;
  await setSessionOfTab(tabId, null);
  await endSession(await getDb(), sessionId, new Date().toISOString()).catch(() => undefined);
}

/** Notes in the record that the page was reloaded or navigated while capturing. */
export async function noteContinuation(tabId: number, sessionId: string, url: string): Promise<void> {
  await addSystemNote(sessionId, tabId, await systemNoteText('capture_note_reload', url));
}

