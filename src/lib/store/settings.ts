// The settings store: one record, always read through the defaults so new settings get sane values.
import { defaultSettings, mergeSettings, type Settings } from '../settings';
import { quietDone } from './db';
import { SINGLE_RECORD_KEY, type EvidenceDb } from './schema';

export async function getSettings(db: EvidenceDb): Promise<Settings> {
  return mergeSettings(defaultSettings(), await db.get('settings', SINGLE_RECORD_KEY));
}

/** Merges a partial (possibly hostile) update into the stored settings in one transaction; resolves to the result. */
export async function setSettings(db: EvidenceDb, patch: unknown): Promise<Settings> {
  const tx = quietDone(db.transaction('settings', 'readwrite'));
  const current = mergeSettings(defaultSettings(), await tx.store.get(SINGLE_RECORD_KEY));
  const next = mergeSettings(current, patch);
  await tx.store.put(next, SINGLE_RECORD_KEY);
  await tx.done;
  return next;
}
