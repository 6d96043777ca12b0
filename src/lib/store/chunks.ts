// The chunks store (schema v3+): a session's entries packed into records of consecutive
// entries written together (one append; a large one is split, see splitForChunks).
// Writing one record per entry cost ~0.1–0.2 ms of IndexedDB work each (10,000 entries:
// ~2 s, most of a big chat's capture time); a chunk of a hundred costs about as much as
// one entry did. Keyed [sessionId, first seq], so a session's chunks read back in seq
// order with one range. Edits and removes find their message by walking the session's
// chunks from the latest back (they change recent messages: one or two chunks read). v3
// kept a multiEntry index over message keys for that; writing its rows cost about a
// third of storing a big chat, so v4 dropped it.
import type { Entry } from '../evidence/types';
import type { ChunkEntry, StoredChunk, StoredEntry } from './schema';

/** The key range of every chunk of a session. */
export function sessionChunkRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
}

/**
 * Upper bound for one chunk's estimated serialized size. Chromium stores an IndexedDB
 * value above 64 KiB as a Blob beside the database (IDBValueWrapper), which costs the
 * writing thread several times a plain value of the same size; chunks stay below that.
 */
export const CHUNK_MAX_BYTES = 48 * 1024;
/** A generous estimate of an entry's serialized size: field names, two hashes, and its strings as UTF-16. */
export function estimatedBytes(e: ChunkEntry): number {
  return 256 + 2 * (e.text.length + (e.author?.length ?? 0) + (e.key?.length ?? 0));
}

/** Splits consecutive entries into runs for chunk records of at most CHUNK_MAX_BYTES (estimated), or one larger entry. */
export function splitForChunks(entries: ChunkEntry[]): ChunkEntry[][] {
  const runs: ChunkEntry[][] = [];
  let run: ChunkEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = estimatedBytes(e);
    if (run.length && bytes + size > CHUNK_MAX_BYTES) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(e);
    bytes += size;
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Packs consecutive entries (entries[0].seq first) of a session into one chunk record. */
export function buildChunk(sessionId: string, entries: ChunkEntry[]): StoredChunk {
  return { sessionId, first: entries[0].seq, entries };
}

/** The entries of chunks (in key order), with exactly the case-file fields. */
export function entriesOfChunks(chunks: StoredChunk[]): Entry[] {
  const out: Entry[] = [];
  for (const c of chunks) for (const e of c.entries) out.push(toCaseEntry(e));
  return out;
}

/** Strips the stored key (and anything else) off an entry, leaving exactly Entry's fields. */
export function toCaseEntry(e: Entry): Entry {
  return { seq: e.seq, at: e.at, kind: e.kind, speaker: e.speaker, author: e.author, text: e.text, ref: e.ref, prev: e.prev, hash: e.hash };
}

/** The last entry of `chunk` whose key is `key`, if any. */
export function lastWithKey(chunk: StoredChunk, key: string): ChunkEntry | undefined {
  for (let i = chunk.entries.length - 1; i >= 0; i--) if (chunk.entries[i].key === key) return chunk.entries[i];
  return undefined;
}

/** What findLatestMessage needs of the chunks store (inside any transaction over it). */
export interface ChunkCursorSource {
  openCursor(query: IDBKeyRange, direction: 'prev'): Promise<{ value: StoredChunk; continue(): Promise<unknown> } | null>;
}

/**
 * The latest stored message of `sessionId` with frame-qualified `key`: the session's chunks
 * are walked from the latest back, so an edit of a recent message reads one or two of them
 * (a key never stored reads them all, which only a damaged or hostile batch asks for).
 */
export async function findLatestMessage(chunks: ChunkCursorSource, sessionId: string, key: string): Promise<ChunkEntry | undefined> {
  let cursor = await chunks.openCursor(sessionChunkRange(sessionId), 'prev');
  while (cursor) {
    const hit = lastWithKey(cursor.value, key);
    if (hit) return hit;
    cursor = (await cursor.continue()) as typeof cursor;
  }
  return undefined;
}

/**
 * Groups v1–v2 entry records (in [sessionId, seq] order) into chunks of consecutive seqs
 * of one session, split as splitForChunks does. Keys are kept, sessionId moves to the chunk.
 */
export function chunkLegacyEntries(records: StoredEntry[]): StoredChunk[] {
  const out: StoredChunk[] = [];
  let run: ChunkEntry[] = [];
  let runSession = '';
  const flush = () => {
    for (const part of splitForChunks(run)) out.push(buildChunk(runSession, part));
    run = [];
  };
  for (const r of records) {
    const last = run.at(-1);
    if (last && (r.sessionId !== runSession || r.seq !== last.seq + 1)) flush();
    runSession = r.sessionId;
    const entry: ChunkEntry = toCaseEntry(r);
    if (typeof r.key === 'string') entry.key = r.key;
    run.push(entry);
  }
  flush();
  return out;
}
