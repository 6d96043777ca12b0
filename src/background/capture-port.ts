// The "capture" port: content scripts stream batches of observations; each batch is
// appended to the session's chain and acknowledged only after its transaction committed.
// A resent batch (the worker restarted before its ack) is dropped by its number.
// Batches of one tab are stored strictly in arrival order, across its frames; the ones
// that arrive while a transaction runs wait and are then stored together in one
// transaction (a chat already showing thousands of messages arrives as many batches at
// once), with one live push for the group.
import type { Runtime } from 'webextension-polyfill';
import { batchFromWire, type BackgroundToContent, type CaptureBatch, type CaptureHello, type Observation } from '../lib/capture/protocol';
import { resolveRows } from '../lib/capture/row-resolver';
import type { Entry } from '../lib/evidence/types';
import { appendBatches, type AppendResult, type BatchToAppend, type NewEntry } from '../lib/store/entries';
import { getDb } from './db';
import { placementNote, systemNoteText } from './system-notes';
import { sessionOfTab } from './tab-sessions';
import { publishEntries, publishSessionChanged, publishStatus } from './live';

/** Open capture ports by tab, so a stop can close them. Ports die with the worker, so memory is right. */
const portsByTab = new Map<number, Set<Runtime.Port>>();

interface QueuedBatch {
  port: Runtime.Port;
  /** The session of the port's tab, resolved when the port opened. */
  sessionPromise: Promise<string | null>;
  batch: CaptureBatch;
}

/** Batches waiting to be stored, by tab (memory: their senders resend what was never acked). */
const waiting = new Map<number, QueuedBatch[]>();
/** The running store loop of a tab; it ends when the tab has nothing waiting. */
const drains = new Map<number, Promise<void>>();

/** Most observations stored in one transaction: bounds its size and the live push that follows. */
const GROUP_MAX_ITEMS = 5000;

function toNewEntry(o: Observation): NewEntry | null {
  switch (o?.kind) {
    case 'message':
      return { kind: 'message', speaker: o.speaker, author: o.author, text: o.text, at: o.at, key: o.key };
    case 'edit':
      return { kind: 'edit', text: o.text, at: o.at, refKey: o.key };
    case 'remove':
      return { kind: 'remove', at: o.at, refKey: o.key };
    case 'agent':
      return { kind: 'agent', name: o.name, employeeId: o.employeeId };
    default:
      return null;
  }
}

/** Most keys one 'placed' observation may name (a hostile sender's list is cut there). */
const PLACED_MAX_KEYS = 10_000;

/**
 * What a batch adds to the record. A navigation becomes the system note "[continued after
 * in-page navigation: url]" in the person's language, in its place among the messages; only
 * the top frame's address is the page's (a subframe's own routing is not noted). Messages
 * placed above recorded ones, or recorded late below them, become a note naming their entries and
 * the one they come before.
 */
async function entriesOfBatch({ port, batch }: QueuedBatch): Promise<NewEntry[]> {
  const out: NewEntry[] = [];
  for (const o of resolveRows(batch)) {
    if (o?.kind === 'navigated') {
      if (port.sender?.frameId === 0 && typeof o.url === 'string' && /^https?:\/\//.test(o.url)) {
        out.push({ kind: 'message', speaker: 'system', author: null, text: await systemNoteText('capture_note_navigation', o.url), at: o.at });
      }
      continue;
    }
    if (o?.kind === 'placed') {
      if (Array.isArray(o.keys) && typeof o.before === 'string') {
        const keys = o.keys.filter((k): k is string => typeof k === 'string').slice(0, PLACED_MAX_KEYS);
        out.push({ kind: 'placement', keys, beforeKey: o.before, at: o.at, describe: await placementNote(o.late === true) });
      }
      continue;
    }
    const entry = toNewEntry(o);
    if (entry) out.push(entry);
  }
  return out;
}

function ack(port: Runtime.Port, batch: CaptureBatch): void {
  try {
    port.postMessage({ type: 'ack', frame: batch.frame, batchNo: batch.batchNo } satisfies BackgroundToContent);
  } catch {
    // The frame went away after sending; its batch is stored all the same.
  }
}

/** Takes the next waiting batches of a tab, up to GROUP_MAX_ITEMS observations (at least one batch). */
function takeGroup(queue: QueuedBatch[]): QueuedBatch[] {
  let n = 0;
  let items = 0;
  while (n < queue.length && (n === 0 || items + queue[n].batch.items.length <= GROUP_MAX_ITEMS)) items += queue[n++].batch.items.length;
  return queue.splice(0, n);
}

/**
 * Appends batches of one session in one transaction. When that fails, each is tried on
 * its own, so one bad batch never holds back the others. Null: that batch was not stored.
 */
async function appendGroup(sessionId: string, group: QueuedBatch[]): Promise<(AppendResult | null)[]> {
  const db = await getDb();
  const toAppend: BatchToAppend[] = [];
  for (const q of group) toAppend.push({ frame: q.batch.frame, batchNo: q.batch.batchNo, items: await entriesOfBatch(q) });
  try {
    return await appendBatches(db, sessionId, toAppend);
  } catch (e) {
    if (group.length === 1) {
      console.error('capture batch not stored', e);
      return [null];
    }
  }
  const results: (AppendResult | null)[] = [];
  for (const one of toAppend) {
    results.push(
      await appendBatches(db, sessionId, [one]).then(
        ([r]) => r,
        (e: unknown) => (console.error('capture batch not stored', e), null),
      ),
    );
  }
  return results;
}

/** Stores one session's batches, acks each stored one, and tells the live subscribers once. */
async function storeGroup(tabId: number, sessionId: string, group: QueuedBatch[]): Promise<void> {
  const results = await appendGroup(sessionId, group);
  const entries: Entry[] = [];
  let agentChanged = false;
  results.forEach((result, i) => {
    if (!result) return;
    ack(group[i].port, group[i].batch);
    for (const e of result.entries) entries.push(e);
    agentChanged ||= result.agentChanged;
  });
  // Seqs count from 0 without gaps, so the last one appended gives the count without another read.
  const last = entries.at(-1);
  if (last) publishStatus(tabId, true, sessionId, last.seq + 1);
  if (agentChanged) publishSessionChanged(sessionId, tabId);
  holdEntries(tabId, sessionId, entries);
}

/**
 * Stored entries not yet pushed to live subscribers, by tab. Every push is work for the
 * worker and for each subscriber, so while more batches wait the entries are held and pushed
 * in one message once the queue is empty (past LIVE_ENTRIES_MAX that message is a reload
 * hint, see live.ts); the count goes out after every commit all the same. A chat that is
 * live (nothing waiting) gets each batch pushed right after it is stored.
 */
const unpushed = new Map<number, { sessionId: string; entries: Entry[] }>();

function holdEntries(tabId: number, sessionId: string, entries: Entry[]): void {
  let held = unpushed.get(tabId);
  if (held && held.sessionId !== sessionId) pushHeldEntries(tabId);
  if (!held || held.sessionId !== sessionId) unpushed.set(tabId, (held = { sessionId, entries: [] }));
  for (const e of entries) held.entries.push(e);
  if (held.entries.length >= GROUP_MAX_ITEMS || !waiting.get(tabId)?.length) pushHeldEntries(tabId);
}

function pushHeldEntries(tabId: number): void {
  const held = unpushed.get(tabId);
  if (!held) return;
  unpushed.delete(tabId);
  publishEntries(tabId, held.sessionId, held.entries);
}

/** Stores a tab's waiting batches, group by group, until none is left. */
async function drain(tabId: number): Promise<void> {
  for (;;) {
    const queue = waiting.get(tabId);
    if (!queue?.length) {
      pushHeldEntries(tabId);
      // Checked and cleared in one go: a batch arriving after this starts a new loop.
      waiting.delete(tabId);
      drains.delete(tabId);
      return;
    }
    const group = takeGroup(queue);
    try {
      const sessionIds = await Promise.all(group.map((q) => q.sessionPromise));
      // Consecutive batches of the same session share a transaction.
      for (let start = 0; start < group.length; ) {
        let end = start + 1;
        while (end < group.length && sessionIds[end] === sessionIds[start]) end++;
        const sessionId = sessionIds[start];
        if (sessionId) await storeGroup(tabId, sessionId, group.slice(start, end));
        else for (const q of group.slice(start, end)) q.port.postMessage({ type: 'stop' } satisfies BackgroundToContent);
        start = end;
      }
    } catch (e) {
      console.error('capture batches not stored', e);
    }
  }
}

function enqueue(tabId: number, queued: QueuedBatch): void {
  let queue = waiting.get(tabId);
  if (!queue) waiting.set(tabId, (queue = []));
  queue.push(queued);
  if (!drains.has(tabId)) drains.set(tabId, drain(tabId));
}

export function acceptCapturePort(port: Runtime.Port): void {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined) return port.disconnect();
  // The session is resolved when the port opens, so batches sent just before the tab closes still land in it.
  const sessionPromise = sessionOfTab(tabId);
  let ports = portsByTab.get(tabId);
  if (!ports) portsByTab.set(tabId, (ports = new Set()));
  ports.add(port);
  port.onDisconnect.addListener(() => ports!.delete(port));
  port.onMessage.addListener((msg: unknown) => {
    const batch = batchFromWire(msg);
    if (batch) enqueue(tabId, { port, sessionPromise, batch });
    else if ((msg as CaptureHello | null)?.type === 'hello') void noteHello(msg as CaptureHello, tabId, sessionPromise);
  });
}

/**
 * Sessions whose chat, when a frame's capture found it, likely held older messages the page
 * did not show, until that frame says the page shows the start of the chat (another frame
 * saying hello without a chat changes nothing).
 */
const olderHidden = new Set<string>();
/** The chat platform a frame's site adapter recognised, by session (the latest one said). */
const platforms = new Map<string, string>();

/** What a frame's hello tells about its chat: older messages hidden, the platform recognised. */
async function noteHello(hello: CaptureHello, tabId: number, sessionPromise: Promise<string | null>): Promise<void> {
  const platform = typeof hello.platform === 'string' && hello.platform.length <= 60 ? hello.platform : null;
  if (typeof hello.olderHidden !== 'boolean' && !platform) return;
  const sessionId = await sessionPromise;
  if (!sessionId) return;
  let changed = false;
  if (hello.olderHidden === true && !olderHidden.has(sessionId)) {
    olderHidden.add(sessionId);
    changed = true;
  }
  if (hello.olderHidden === false && olderHidden.delete(sessionId)) changed = true;
  if (platform && platforms.get(sessionId) !== platform) {
    platforms.set(sessionId, platform);
    changed = true;
  }
  if (changed) publishSessionChanged(sessionId, tabId);
}

/** Whether a frame of the session's tab reported older messages hidden from the page (capture.status says it). */
export function olderMessagesHidden(sessionId: string): boolean {
  return olderHidden.has(sessionId);
}

/** The chat platform recognised in the session's tab, if a site adapter found the chat (capture.status says it). */
export function recognisedPlatform(sessionId: string): string | null {
  return platforms.get(sessionId) ?? null;
}

/** Resolves once every batch the tab's frames sent so far is stored (or failed to be). */
export function drainCaptureQueue(tabId: number): Promise<void> {
  return drains.get(tabId) ?? Promise.resolve();
}

/** Closes a tab's capture ports after telling them to stop. */
export function disconnectCapturePorts(tabId: number): void {
  for (const port of portsByTab.get(tabId) ?? []) {
    try {
      port.postMessage({ type: 'stop' } satisfies BackgroundToContent);
      port.disconnect();
    } catch {
      // already gone
    }
  }
  portsByTab.delete(tabId);
}
