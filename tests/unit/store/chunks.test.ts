// Entries packed in chunk records (schema v3): packing, reading back, key lookups for
// edits and removes, and the 2 → 3 migration of one-record-per-entry data.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { chainEntries } from '../../../src/lib/evidence/chain';
import { buildCaseFile } from '../../../src/lib/evidence/case-file';
import { verifyCaseFile } from '../../../src/lib/evidence/verify';
import { buildChunk, CHUNK_MAX_BYTES, estimatedBytes, chunkLegacyEntries, findLatestMessage, splitForChunks } from '../../../src/lib/store/chunks';
import { openEvidenceDb } from '../../../src/lib/store/db';
import { appendBatch, lastEntries, listEntries } from '../../../src/lib/store/entries';
import type { EvidenceDb, StoredEntry } from '../../../src/lib/store/schema';
import { createSession, deleteSession, getSession } from '../../../src/lib/store/sessions';
import { at, dbWithSession } from './helpers';

const message = (key: string, text: string, s = 1) => ({ kind: 'message' as const, key, speaker: 'agent' as const, text, at: at(s) });

function legacyRecords(sessionId: string, n: number, keyEvery = 1): StoredEntry[] {
  const entries = chainEntries(
    sessionId,
    Array.from({ length: n }, (_, seq) => ({ seq, at: at(seq % 60), kind: 'message' as const, speaker: 'user' as const, author: null, text: `m${seq}`, ref: null })),
  );
  return entries.map((e) => (e.seq % keyEvery === 0 ? { ...e, sessionId, key: `f\u001fk${e.seq}` } : { ...e, sessionId }));
}

describe('chunk records', () => {
  it('one append is one chunk keyed by its first seq, its messages keeping their frame-qualified keys', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f', 0, [message('a', 'one'), { kind: 'note', text: 'n', at: at(2) }, message('b', 'two')]);
    await appendBatch(db, 's1', 'f', 1, [message('c', 'three')]);
    const chunks = await db.getAll('chunks');
    expect(chunks.map((c) => [c.sessionId, c.first, c.entries.length])).toEqual([
      ['s1', 0, 3],
      ['s1', 3, 1],
    ]);
    expect(chunks[0].entries.map((e) => e.key)).toEqual(['f\u001fa', undefined, 'f\u001fb']);
    expect(chunks[0]).not.toHaveProperty('keys');
    // Entries read back carry exactly the case-file fields (no key, no sessionId).
    expect(Object.keys((await listEntries(db, 's1'))[0]).sort()).toEqual(['at', 'author', 'hash', 'kind', 'prev', 'ref', 'seq', 'speaker', 'text']);
  });

  it('an append with nothing to store writes no chunk', async () => {
    const db = await dbWithSession();
    const r = await appendBatch(db, 's1', 'f', 0, [{ kind: 'agent', name: 'A', employeeId: null }]);
    expect(r.entries).toEqual([]);
    expect(await db.count('chunks')).toBe(0);
    expect((await getSession(db, 's1'))?.frames).toEqual({ f: 0 });
  });

  it('edits and removes find the latest record of a key in earlier chunks, never another session’s', async () => {
    const db = await dbWithSession('s1');
    await createSession(db, { id: 's2', url: 'u', title: 't', tabId: 2, startedAt: at(0) });
    // Same frame and key in another session (capture stopped and restarted in one document).
    await appendBatch(db, 's2', 'f', 0, [message('m', 'other session')]);
    await appendBatch(db, 's1', 'f', 0, [message('m', 'v1'), message('x', 'x')]);
    await appendBatch(db, 's1', 'f', 1, [message('y', 'y')]);
    await appendBatch(db, 's1', 'f', 2, [message('m', 'v2 seen again')]);
    const r = await appendBatch(db, 's1', 'f', 3, [
      { kind: 'edit', refKey: 'm', text: 'v3', at: at(5) },
      { kind: 'remove', refKey: 'x', at: at(6) },
      { kind: 'edit', refKey: 'nope', text: '?', at: at(7) },
    ]);
    expect(r.entries.map((e) => [e.seq, e.kind, e.ref])).toEqual([
      [4, 'edit', 3],
      [5, 'remove', 1],
    ]);
    const tx = db.transaction('chunks');
    expect((await findLatestMessage(tx.store, 's2', 'f\u001fm'))?.text).toBe('other session');
    expect(await findLatestMessage(tx.store, 's3', 'f\u001fm')).toBeUndefined();
  });

  it('lastEntries reads across chunk borders, and deleteSession removes every chunk of the session only', async () => {
    const db = await dbWithSession('s1');
    await createSession(db, { id: 's2', url: 'u', title: 't', tabId: 2, startedAt: at(0) });
    for (let b = 0; b < 4; b++) await appendBatch(db, 's1', 'f', b, [message(`a${b}`, `t${2 * b}`), message(`b${b}`, `t${2 * b + 1}`)]);
    await appendBatch(db, 's2', 'f', 0, [message('a', 'keep')]);
    expect((await lastEntries(db, 's1', 3)).map((e) => e.text)).toEqual(['t5', 't6', 't7']);
    expect((await lastEntries(db, 's1', 5)).map((e) => e.seq)).toEqual([3, 4, 5, 6, 7]);
    await deleteSession(db, 's1');
    expect(await listEntries(db, 's1')).toEqual([]);
    expect((await listEntries(db, 's2')).map((e) => e.text)).toEqual(['keep']);
  });

  it('splitForChunks keeps runs under the size bound, a lone oversized entry alone', () => {
    const entries = (n: number, textLength: number) =>
      chainEntries('s', Array.from({ length: n }, (_, seq) => ({ seq, at: at(0), kind: 'note' as const, speaker: 'user' as const, author: null, text: 'x'.repeat(textLength), ref: null })));
    const perChunk = Math.floor(CHUNK_MAX_BYTES / estimatedBytes(entries(1, 1)[0]));
    expect(splitForChunks(entries(2 * perChunk + 5, 1)).map((r) => r.length)).toEqual([perChunk, perChunk, 5]);
    // ~10 KB of text each (20 KB as UTF-16): two fit under the byte bound, a third does not.
    expect(splitForChunks(entries(5, 10_000)).map((r) => r.length)).toEqual([2, 2, 1]);
    expect(splitForChunks(entries(2, 100_000)).map((r) => r.length)).toEqual([1, 1]);
    expect(splitForChunks([])).toEqual([]);
    const runs = splitForChunks(entries(700, 300));
    expect(runs.flat().map((e) => e.seq)).toEqual(Array.from({ length: 700 }, (_, i) => i));
    for (const run of runs) expect(JSON.stringify(run).length * 2).toBeLessThan(64 * 1024);
  });

  it('a large append is split into several chunks that read back as one chain', async () => {
    const db = await dbWithSession();
    const items = Array.from({ length: 500 }, (_, i) => message(`k${i}`, `message ${i} `.repeat(20)));
    const r = await appendBatch(db, 's1', 'f', 0, items);
    const chunks = await db.getAll('chunks');
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c, i) => i === 0 || c.first === chunks[i - 1].first + chunks[i - 1].entries.length)).toBe(true);
    expect(await listEntries(db, 's1')).toEqual(r.entries);
    // A key in the first chunk still resolves.
    const edit = await appendBatch(db, 's1', 'f', 1, [{ kind: 'edit', refKey: 'k3', text: 'changed', at: at(9) }]);
    expect(edit.entries[0]).toMatchObject({ seq: 500, ref: 3 });
  });

  it('chunkLegacyEntries packs consecutive seqs of one session, split like appends', () => {
    const records = [...legacyRecords('a', 5), ...legacyRecords('b', 2)];
    const perChunk = chunkLegacyEntries(legacyRecords('a', 1000))[0].entries.length;
    expect(perChunk).toBeGreaterThan(100);
    expect(chunkLegacyEntries(legacyRecords('a', perChunk + 3)).map((c) => [c.first, c.entries.length])).toEqual([
      [0, perChunk],
      [perChunk, 3],
    ]);
    const chunks = chunkLegacyEntries(records);
    expect(chunks.map((c) => [c.sessionId, c.first, c.entries.length])).toEqual([
      ['a', 0, 5],
      ['b', 0, 2],
    ]);
    expect(chunks[0].entries[0]).not.toHaveProperty('sessionId');
    expect(chunks[0].entries[0].key).toBe('f\u001fk0');
    // A gap (damaged data) starts a new chunk, so a chunk's seqs are always first, first+1, …
    expect(chunkLegacyEntries([records[0], records[2]]).map((c) => c.first)).toEqual([0, 2]);
  });
});

describe('migration 2 → 3', () => {
  async function v2WithEntries(factory: IDBFactory, sessions: Record<string, number>): Promise<EvidenceDb> {
    const v2 = await openEvidenceDb({ name: 'm', factory, version: 2 });
    for (const [id, n] of Object.entries(sessions)) {
      await createSession(v2, { id, url: 'https://cs.example.com/', title: '客服', tabId: 1, startedAt: at(0) });
      const records = legacyRecords(id, n, 3);
      const tx = v2.transaction(['sessions', 'entries'], 'readwrite');
      for (const r of records) void tx.objectStore('entries').add(r);
      const s = (await tx.objectStore('sessions').get(id))!;
      await tx.objectStore('sessions').put({ ...s, count: n, head: records[n - 1].hash, frames: { f: 0 } });
      await tx.done;
    }
    v2.close();
    return v2;
  }

  it('moves every entry into chunks, keeping order, hashes and keys, and drops the entries store', async () => {
    const factory = new IDBFactory();
    // More than one page of the migration's reads (5,000), over two sessions.
    await v2WithEntries(factory, { s1: 5203, s2: 7 });
    const db = await openEvidenceDb({ name: 'm', factory, version: 3 });
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames]).not.toContain('entries');
    const s1 = await listEntries(db, 's1');
    expect(s1.map((e) => e.seq)).toEqual(Array.from({ length: 5203 }, (_, i) => i));
    expect(s1.map((e) => e.hash)).toEqual(legacyRecords('s1', 5203).map((e) => e.hash));
    expect((await listEntries(db, 's2')).map((e) => e.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    const chunks = await db.getAll('chunks');
    expect(chunks.length).toBeGreaterThan(5203 / 500);
    expect(chunks.every((c) => c.entries.reduce((n, e) => n + estimatedBytes(e), 0) <= CHUNK_MAX_BYTES)).toBe(true);
    // The exported file of the migrated session still verifies.
    const session = (await getSession(db, 's1'))!;
    const file = buildCaseFile({ session, entries: s1, attachments: [], generator: { name: 'n', version: '1' }, exportedAt: at(0) });
    expect(verifyCaseFile(JSON.parse(JSON.stringify(file)))).toEqual({ valid: true, firstBadSeq: null, reason: null });
    // Keys survived: an edit of a message stored before the upgrade resolves, and the chain continues.
    const r = await appendBatch(db, 's1', 'f', 1, [{ kind: 'edit', refKey: 'k3', text: 'edited', at: at(9) }]);
    expect(r.entries[0]).toMatchObject({ seq: 5203, ref: 3, speaker: 'user', prev: s1[5202].hash });
    // Entries whose v2 record had no key are not findable by key.
    expect((await appendBatch(db, 's1', 'f', 2, [{ kind: 'remove', refKey: 'k4', at: at(9) }])).entries).toEqual([]);
  });

  it('an empty v2 database upgrades to an empty chunks store', async () => {
    const factory = new IDBFactory();
    await v2WithEntries(factory, {});
    const db = await openEvidenceDb({ name: 'm', factory });
    expect(await db.count('chunks')).toBe(0);
  });
});
