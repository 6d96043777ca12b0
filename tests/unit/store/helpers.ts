// Opens a fresh fake-indexeddb database per test, so tests never share state.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openEvidenceDb, type OpenEvidenceDbOptions } from '../../../src/lib/store/db';
import type { EvidenceDb } from '../../../src/lib/store/schema';
import { createSession } from '../../../src/lib/store/sessions';

export async function freshDb(options: Omit<OpenEvidenceDbOptions, 'factory'> = {}): Promise<{ db: EvidenceDb; factory: IDBFactory }> {
  const factory = new IDBFactory();
  const db = await openEvidenceDb({ ...options, factory });
  return { db, factory };
}

export async function dbWithSession(id = 's1'): Promise<EvidenceDb> {
  const { db } = await freshDb();
  await createSession(db, { id, url: 'https://cs.example.com/chat', title: '客服', tabId: 7, startedAt: '2026-11-25T11:00:00.000Z' });
  return db;
}

export const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 11, 0, s)).toISOString();
