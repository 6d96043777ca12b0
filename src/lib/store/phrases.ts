// The phrases store: the shipped phrase library plus the person's own phrases.
import type { Locale } from '../messages';
import type { Phrase } from '../suggest/types';
import { quietDone } from './db';
import type { EvidenceDb } from './schema';

/** All phrases, or those of one locale. */
export async function listPhrases(db: EvidenceDb, locale?: Locale): Promise<Phrase[]> {
  return locale ? db.getAllFromIndex('phrases', 'by-locale', locale) : db.getAll('phrases');
}

/** Adds or replaces a phrase by id; resolves to what was stored. */
export async function savePhrase(db: EvidenceDb, phrase: Phrase): Promise<Phrase> {
  const stored: Phrase = { ...phrase };
  await db.put('phrases', stored);
  return stored;
}

export async function deletePhrase(db: EvidenceDb, id: string): Promise<void> {
  await db.delete('phrases', id);
}

/**
 * Brings the builtin phrases in line with the ones this version ships: upserts
 * them (keeping a builtin's `pinned` choice when the shipped phrase does not set
 * one), removes builtin phrases no longer shipped, and never touches the
 * person's own ('user') phrases, not even one that shares a shipped id.
 */
export async function seedBuiltinPhrases(db: EvidenceDb, phrases: Phrase[]): Promise<{ upserted: number; removed: number }> {
  const tx = quietDone(db.transaction('phrases', 'readwrite'));
  const existing = new Map((await tx.store.getAll()).map((p) => [p.id, p]));
  const shipped = new Set<string>();
  let upserted = 0;
  let removed = 0;
  for (const p of phrases) {
    shipped.add(p.id);
    const old = existing.get(p.id);
    if (old && old.origin === 'user') continue;
    const next: Phrase = { ...p, origin: 'builtin' };
    if (next.pinned === undefined && old?.pinned !== undefined) next.pinned = old.pinned;
    await tx.store.put(next);
    upserted++;
  }
  for (const old of existing.values()) {
    if (old.origin === 'builtin' && !shipped.has(old.id)) {
      await tx.store.delete(old.id);
      removed++;
    }
  }
  await tx.done;
  return { upserted, removed };
}
