// Migration 2 → 3: moves every v1–v2 entry record (one per entry) into chunk records
// (chunks.ts) and deletes the old 'entries' store, inside the upgrade transaction, so a
// database is either fully migrated or left at v2 when anything fails.
import type { IDBPDatabase } from 'idb';
import { chunkLegacyEntries } from './chunks';
import type { UpgradeTx } from './db';
import type { EvidenceSchema } from './schema';

/** Entries read per request (a page boundary may end a chunk early; nothing else changes). */
const PAGE = 5000;

export async function migrateEntriesToChunks(db: IDBPDatabase<EvidenceSchema>, tx: UpgradeTx): Promise<void> {
  const chunks = db.createObjectStore('chunks', { keyPath: ['sessionId', 'first'] });
  // v3's message-key index (dropped again by migration 3 → 4; the cast because v4's schema type has no index).
  (chunks as unknown as IDBObjectStore).createIndex('by-key', 'keys', { multiEntry: true });
  const old = tx.objectStore('entries');
  const writes: Promise<unknown>[] = [];
  let after: [string, number] | null = null;
  for (;;) {
    // Paged rather than one getAll, so a large database is never held in memory at once.
    const page = await old.getAll(after ? IDBKeyRange.lowerBound(after, true) : undefined, PAGE);
    if (page.length === 0) break;
    for (const chunk of chunkLegacyEntries(page)) writes.push(chunks.add(chunk));
    const last = page[page.length - 1];
    after = [last.sessionId, last.seq];
  }
  await Promise.all(writes);
  db.deleteObjectStore('entries');
}
