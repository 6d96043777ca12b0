import { describe, expect, it } from 'vitest';
import { chainEntries } from '../../../src/lib/evidence/chain';
import { DB_VERSION, evidenceDbOpener, openEvidenceDb } from '../../../src/lib/store/db';
import type { EvidenceDb, StoredEntry } from '../../../src/lib/store/schema';
import { appendBatch, listEntries } from '../../../src/lib/store/entries';
import { getProfile, setProfile } from '../../../src/lib/store/profile';
import { createSession, getSession, listSessions } from '../../../src/lib/store/sessions';
import { getSettings } from '../../../src/lib/store/settings';
import { IDBFactory } from 'fake-indexeddb';
import { at } from './helpers';

/**
 * Writes messages the way v1–v2 stored them (one 'entries' record per entry, keyed
 * [sessionId, seq], message keys qualified by frame) and updates the session to match.
 */
async function putLegacyEntries(db: EvidenceDb, sessionId: string, frame: string, texts: string[]) {
  const entries = chainEntries(
    sessionId,
    texts.map((text, seq) => ({ seq, at: at(seq + 1), kind: 'message' as const, speaker: 'agent' as const, author: null, text, ref: null })),
  );
  const tx = db.transaction(['sessions', 'entries'], 'readwrite');
  for (const e of entries) {
    const record: StoredEntry = { ...e, sessionId, key: `${frame}\u001fm${e.seq}` };
    void tx.objectStore('entries').add(record);
  }
  const session = (await tx.objectStore('sessions').get(sessionId))!;
  await tx.objectStore('sessions').put({ ...session, count: entries.length, head: entries.at(-1)!.hash, frames: { [frame]: 0 } });
  await tx.done;
  return entries;
}

describe('migrations', () => {
  it('the latest version is 4', () => {
    expect(DB_VERSION).toBe(4);
  });

  it('creates every store and index on a new database', async () => {
    const db = await openEvidenceDb({ name: 'new', factory: new IDBFactory() });
    expect([...db.objectStoreNames].sort()).toEqual(['attachments', 'chunks', 'phrases', 'profile', 'sessions', 'settings']);
    const tx = db.transaction(['chunks', 'attachments', 'phrases']);
    expect([...tx.objectStore('chunks').indexNames]).toEqual([]);
    expect([...tx.objectStore('attachments').indexNames]).toEqual(['by-session']);
    expect([...tx.objectStore('phrases').indexNames]).toEqual(['by-locale']);
  });

  it('upgrades a v1 database with data to the latest, keeping the data', async () => {
    const factory = new IDBFactory();
    const v1 = await openEvidenceDb({ name: 'up', factory, version: 1 });
    expect([...v1.objectStoreNames].sort()).toEqual(['attachments', 'entries', 'sessions']);
    await createSession(v1, { id: 's1', url: 'u', title: 't', tabId: 1, startedAt: at(0) });
    const entries = await putLegacyEntries(v1, 's1', 'f', ['您好']);
    // v1 stays open: the upgrade must close it through the versionchange handler, not hang.

    const v2 = await openEvidenceDb({ name: 'up', factory });
    expect(v2.version).toBe(DB_VERSION);
    expect([...v2.objectStoreNames].sort()).toEqual(['attachments', 'chunks', 'phrases', 'profile', 'sessions', 'settings']);
    expect(await listEntries(v2, 's1')).toEqual(entries);
    expect((await listSessions(v2)).map((s) => [s.id, s.count])).toEqual([['s1', 1]]);
    // Message keys still resolve edits across the upgrades.
    const r = await appendBatch(v2, 's1', 'f', 1, [{ kind: 'edit', refKey: 'm0', text: '您好！', at: at(2) }]);
    expect(r.entries[0]).toMatchObject({ seq: 1, ref: 0, prev: entries[0].hash });
    expect((await getSession(v2, 's1'))?.count).toBe(2);
    // New stores work.
    await setProfile(v2, { name: '张三' });
    expect((await getProfile(v2)).name).toBe('张三');
    expect((await getSettings(v2)).theme).toBe('auto');
  });

  it('3 → 4 drops the message-key index; chunks written at v3 still resolve edits and removes, and the chain goes on', async () => {
    const factory = new IDBFactory();
    const v3 = await openEvidenceDb({ name: 'v3', factory, version: 3 });
    expect([...v3.transaction('chunks').store.indexNames]).toEqual(['by-key']);
    await createSession(v3, { id: 's1', url: 'u', title: 't', tabId: 1, startedAt: at(0) });
    const first = await appendBatch(v3, 's1', 'f', 0, [
      { kind: 'message', key: 'a', speaker: 'agent', text: '您好', at: at(1) },
      { kind: 'message', key: 'b', speaker: 'user', text: 'hello', at: at(2) },
    ]);
    v3.close();

    const v4 = await openEvidenceDb({ name: 'v3', factory });
    expect(v4.version).toBe(4);
    expect([...v4.transaction('chunks').store.indexNames]).toEqual([]);
    const r = await appendBatch(v4, 's1', 'f', 1, [
      { kind: 'edit', refKey: 'a', text: '您好！', at: at(3) },
      { kind: 'remove', refKey: 'b', at: at(4) },
    ]);
    expect(r.entries.map((e) => [e.seq, e.kind, e.ref, e.speaker])).toEqual([
      [2, 'edit', 0, 'agent'],
      [3, 'remove', 1, 'user'],
    ]);
    expect(r.entries[0].prev).toBe(first.entries[1].hash);
    expect((await listEntries(v4, 's1')).map((e) => e.seq)).toEqual([0, 1, 2, 3]);
  });

  it('rejects a version it does not know', async () => {
    await expect(openEvidenceDb({ name: 'x', factory: new IDBFactory(), version: 5 })).rejects.toThrow(/version/);
  });

  it('the opener reuses one connection and reopens after a newer version closed it', async () => {
    const factory = new IDBFactory();
    const get = evidenceDbOpener({ name: 'o', factory, version: 1 });
    const a = await get();
    expect(await get()).toBe(a);
    await openEvidenceDb({ name: 'o', factory }); // upgrades to the latest, which closes `a`
    // A reopen at the old version would fail; asking for the latest is what the extension does.
    const getLatest = evidenceDbOpener({ name: 'o', factory });
    expect((await getLatest()).version).toBe(DB_VERSION);
    await expect(get()).rejects.toBeTruthy(); // v1 < stored version: a VersionError, and not cached
  });
});
