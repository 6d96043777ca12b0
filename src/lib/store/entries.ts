// Entries: appends observed chat events to a session's hash chain, and reads them back.
// Entries are stored packed in chunk records (chunks.ts), one record per append.
// A batch is appended in ONE readwrite transaction over sessions + chunks, so the
// chain state (count, head, per-frame batch numbers) and the entries always agree,
// and the caller can acknowledge the batch once the promise resolves (= committed).
// Hashing is synchronous (lib/evidence/hash.ts) because awaiting anything that is
// not an IndexedDB request inside the transaction would let it auto-commit.
import type { IDBPObjectStore, StoreNames } from 'idb';
import { linkEntry } from '../evidence/chain';
import type { Entry, EntryKind, Speaker } from '../evidence/types';
import { buildChunk, entriesOfChunks, findLatestMessage, sessionChunkRange, splitForChunks, toCaseEntry } from './chunks';
import { NotFoundError, quietDone } from './db';
import type { ChunkEntry, EvidenceDb, EvidenceSchema, StoredSession } from './schema';
import { applyAgent } from './sessions';

/** One thing to record, as the background receives it from a content script (or the user). */
export type NewEntry =
  | {
      kind: 'message' | 'edit' | 'remove' | 'note';
      /** Default: 'user' for a note, 'system' otherwise; edits and removes take the original's. */
      speaker?: Speaker;
      author?: string | null;
      /** Ignored for 'remove' (its text is empty). */
      text?: string;
      /** ISO 8601; rewritten in toISOString() form, and "now" when unparseable. */
      at: string;
      /** Identity of a 'message' within its frame, so later edits/removes can refer to it. */
      key?: string;
      /** For 'edit'/'remove': the key of the message it changes. Unknown keys are skipped. */
      refKey?: string;
    }
  | { kind: 'agent'; name: string | null; employeeId: string | null }
  | {
      /**
       * Messages of the frame (`keys`, in page order) that the page shows before the message
       * `beforeKey`, found after it was recorded: a system note names their entries. Skipped when
       * `beforeKey`, or every one of `keys`, is not a stored message.
       */
      kind: 'placement';
      keys: string[];
      beforeKey: string;
      at: string;
      /** The note's text: the entries' seqs in page order, and the seq of the entry they come before. */
      describe(seqs: number[], before: number): string;
    };

export interface AppendResult {
  /** True when this frame's batch was already stored; nothing was written. */
  duplicate: boolean;
  /** The entries appended, in order, with exactly the case-file fields. */
  entries: Entry[];
  /** Whether an 'agent' item changed the session's agent (so the caller can tell the UI). */
  agentChanged: boolean;
}

type ChunksStore = IDBPObjectStore<EvidenceSchema, ArrayLike<StoreNames<EvidenceSchema>>, 'chunks', 'readwrite'>;

/**
 * Keys are unique only within one frame's document (capture/protocol.ts), so they
 * are stored qualified by frame: two frames, or a frame before and after a reload,
 * never resolve each other's edits.
 */
function qualifyKey(frame: string | null, key: string): string {
  return frame === null ? key : `${frame}\u001f${key}`;
}

// The items of one capture batch mostly share a time (the content script stamps a whole flush
// at once): the last one normalised is kept, sparing 10,000 Date parses on a big chat's start.
let lastTime: { at: string; iso: string } | null = null;

function isoTime(at: unknown): string {
  if (typeof at === 'string' && lastTime?.at === at) return lastTime.iso;
  const t = typeof at === 'string' || typeof at === 'number' ? new Date(at) : new Date(NaN);
  if (Number.isNaN(t.getTime())) return new Date().toISOString();
  const iso = t.toISOString();
  if (typeof at === 'string') lastTime = { at, iso };
  return iso;
}

const SPEAKERS: readonly Speaker[] = ['agent', 'user', 'system'];
const asSpeaker = (s: unknown, fallback: Speaker): Speaker => (SPEAKERS.includes(s as Speaker) ? (s as Speaker) : fallback);
const asAuthor = (a: unknown): string | null => (typeof a === 'string' ? a : null);

/**
 * Appends items to `session` inside an open transaction: assigns seq/prev/hash,
 * resolves refKeys, applies 'agent' items, writes the new entries as chunk records,
 * and updates session.count/head/agent in memory. The caller writes the session record
 * back in the same transaction. With `writes`, the chunks' add requests are pushed there
 * instead of awaited, so the caller can prepare the next batch while the database writes
 * this one (requests of one transaction run in order, so later lookups still see it).
 */
export async function appendItemsInTransaction(
  chunks: ChunksStore,
  session: StoredSession,
  frame: string | null,
  items: NewEntry[],
  writes?: Promise<unknown>[],
): Promise<{ entries: Entry[]; agentChanged: boolean }> {
  const appended: Entry[] = [];
  let agentChanged = false;
  const stored: ChunkEntry[] = [];
  const local: Promise<unknown>[] = [];
  // Messages of this batch by qualified key: not in the store (or its index) until the chunk is written.
  const batchMessages = new Map<string, ChunkEntry>();

  const findMessage = async (refKey: string): Promise<ChunkEntry | undefined> => {
    const q = qualifyKey(frame, refKey);
    return batchMessages.get(q) ?? (await findLatestMessage(chunks, session.id, q));
  };

  for (let item of items) {
    if (!item || typeof item !== 'object') continue;
    if (item.kind === 'placement') {
      const before = await findMessage(item.beforeKey);
      const seqs: number[] = [];
      for (const key of item.keys) {
        const message = await findMessage(key);
        if (message) seqs.push(message.seq);
      }
      if (!before || !seqs.length) continue;
      item = { kind: 'message', speaker: 'system', author: null, text: item.describe(seqs, before.seq), at: item.at };
    }
    if (item.kind === 'agent') {
      agentChanged = applyAgent(session, { name: item.name ?? null, employeeId: item.employeeId ?? null }, false) || agentChanged;
      continue;
    }
    const kind: EntryKind = item.kind;
    let speaker: Speaker;
    let author: string | null;
    let ref: number | null = null;
    if (kind === 'edit' || kind === 'remove') {
      if (typeof item.refKey !== 'string') continue;
      const original = await findMessage(item.refKey);
      if (!original) continue;
      ref = original.seq;
      speaker = original.speaker;
      author = original.author;
    } else if (kind === 'message' || kind === 'note') {
      speaker = asSpeaker(item.speaker, kind === 'note' ? 'user' : 'system');
      author = asAuthor(item.author);
    } else {
      continue; // an unknown kind from a newer or hostile sender
    }
    const text = kind === 'remove' ? '' : typeof item.text === 'string' ? item.text : '';
    const entry = linkEntry(session.head, { seq: session.count, at: isoTime(item.at), kind, speaker, author, text, ref });
    if (kind === 'message' && typeof item.key === 'string') {
      const record: ChunkEntry = { ...entry, key: qualifyKey(frame, item.key) };
      batchMessages.set(record.key!, record);
      stored.push(record);
    } else {
      stored.push(entry);
    }
    session.count += 1;
    session.head = entry.hash;
    appended.push(entry);
  }
  // add, not put: a chunk already starting at this seq means the session record and the
  // chunks disagree, and the transaction must fail rather than overwrite evidence.
  for (const run of splitForChunks(stored)) {
    const write = chunks.add(buildChunk(session.id, run));
    write.catch(() => undefined); // awaited below or by the caller; until then a failure must not count as unhandled
    (writes ?? local).push(write);
  }
  await Promise.all(local);
  return { entries: appended, agentChanged };
}

/**
 * Reads the session to append to inside a readwrite transaction; when it does not exist the
 * transaction is aborted (nothing is written) and NotFoundError thrown.
 */
export async function sessionForAppend(
  tx: { objectStore(name: 'sessions'): { get(id: string): Promise<StoredSession | undefined> }; abort(): void; done: Promise<void> },
  sessionId: string,
): Promise<StoredSession> {
  const session = await tx.objectStore('sessions').get(sessionId);
  if (!session) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new NotFoundError(`session ${sessionId}`);
  }
  return session;
}

/** One batch for appendBatches: who sent it, its number, and its items. */
export interface BatchToAppend {
  /** The content-script frame, or null for the user's own entries (never a duplicate). */
  frame: string | null;
  batchNo: number | null;
  items: NewEntry[];
}

/**
 * Appends batches in order in ONE transaction (one session read and write, one commit):
 * the background stores a tab's waiting batches together. Each batch is checked on its own:
 * one whose batchNo is not above its frame's highest stored one (counting batches earlier
 * in this call) is a resend, writes nothing and is reported duplicate. Resolves after the
 * commit, with one result per batch; when anything fails, nothing of any batch is stored.
 */
export async function appendBatches(db: EvidenceDb, sessionId: string, batches: BatchToAppend[]): Promise<AppendResult[]> {
  const tx = quietDone(db.transaction(['sessions', 'chunks'], 'readwrite'));
  const session = await sessionForAppend(tx, sessionId);
  const chunks = tx.objectStore('chunks');
  const writes: Promise<unknown>[] = [];
  const results: AppendResult[] = [];
  let changed = false;
  for (const { frame, batchNo, items } of batches) {
    const seen = frame !== null ? session.frames[frame] : undefined;
    if (frame !== null && batchNo !== null && seen !== undefined && seen >= batchNo) {
      results.push({ duplicate: true, entries: [], agentChanged: false });
      continue;
    }
    const result = await appendItemsInTransaction(chunks, session, frame, items, writes);
    if (frame !== null && batchNo !== null) session.frames[frame] = batchNo;
    results.push({ duplicate: false, ...result });
    changed = true;
  }
  if (changed) writes.push(tx.objectStore('sessions').put(session));
  await Promise.all(writes);
  await tx.done;
  return results;
}

/**
 * Appends one batch from `frame` (null for the user's own entries) in one
 * transaction. A batch whose batchNo is not above the frame's highest stored one
 * is a resend: nothing is written and duplicate is true.
 */
export async function appendBatch(
  db: EvidenceDb,
  sessionId: string,
  frame: string | null,
  batchNo: number | null,
  items: NewEntry[],
): Promise<AppendResult> {
  const [result] = await appendBatches(db, sessionId, [{ frame, batchNo, items }]);
  return result;
}

/** All entries of a session in seq order, with exactly the case-file fields. */
export async function listEntries(db: EvidenceDb, sessionId: string): Promise<Entry[]> {
  return entriesOfChunks(await db.getAll('chunks', sessionChunkRange(sessionId)));
}

/** The last `n` entries of a session, oldest first (context for suggestions, live views). */
export async function lastEntries(db: EvidenceDb, sessionId: string, n: number): Promise<Entry[]> {
  const out: Entry[] = [];
  if (!(n > 0)) return out;
  const tx = quietDone(db.transaction('chunks', 'readonly'));
  let cursor = await tx.store.openCursor(sessionChunkRange(sessionId), 'prev');
  while (cursor && out.length < n) {
    const { entries } = cursor.value;
    for (let i = entries.length - 1; i >= 0 && out.length < n; i--) out.push(toCaseEntry(entries[i]));
    cursor = await cursor.continue();
  }
  await tx.done;
  return out.reverse();
}
