// The "capture" port: content scripts stream batches of observations; each batch is
// appended in one IndexedDB transaction and acknowledged only after it committed.
// A resent batch (the worker restarted before its ack) is dropped by its number.
import type { Runtime } from 'webextension-polyfill';
import type { BackgroundToContent, CaptureBatch, ContentToBackground, Observation } from '../lib/capture/protocol';
import { appendBatch, type NewEntry } from '../lib/store/entries';
import { getDb } from './db';
import { sessionOfTab } from './tab-sessions';
import { publishEntries, publishSessionChanged, publishStatus } from './live';

/** Open capture ports by tab, so a stop can close them. Ports die with the worker, so memory is right. */
const portsByTab = new Map<number, Set<Runtime.Port>>();

/** Batches of one tab are stored strictly in arrival order, across its frames. */
const queues = new Map<number, Promise<void>>();

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

function isBatch(m: ContentToBackground): m is CaptureBatch {
  return m?.type === 'batch' && typeof m.frame === 'string' && Number.isInteger(m.batchNo) && Array.isArray(m.items);
}

async function storeBatch(port: Runtime.Port, tabId: number, sessionId: string, batch: CaptureBatch): Promise<void> {
  const items = batch.items.map(toNewEntry).filter((x): x is NewEntry => x !== null);
  const result = await appendBatch(await getDb(), sessionId, batch.frame, batch.batchNo, items);
  try {
    port.postMessage({ type: 'ack', frame: batch.frame, batchNo: batch.batchNo } satisfies BackgroundToContent);
  } catch {
    // The frame went away after sending; its batch is stored all the same.
  }
  if (result.duplicate) return;
  publishEntries(tabId, sessionId, result.entries);
  if (result.agentChanged) publishSessionChanged(sessionId, tabId);
  // Seqs count from 0 without gaps, so the last one appended gives the count without another read.
  const last = result.entries.at(-1);
  if (last) publishStatus(tabId, true, sessionId, last.seq + 1);
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
    const m = msg as ContentToBackground;
    if (!isBatch(m)) return;
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const sessionId = await sessionPromise;
        if (!sessionId) return port.postMessage({ type: 'stop' } satisfies BackgroundToContent);
        await storeBatch(port, tabId, sessionId, m);
      })
      .catch((e) => console.error('capture batch not stored', e));
    queues.set(tabId, next);
  });
}

/** Resolves once every batch the tab's frames sent so far is stored. */
export function drainCaptureQueue(tabId: number): Promise<void> {
  return queues.get(tabId) ?? Promise.resolve();
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
