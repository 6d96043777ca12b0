// The phrase library in the store: the shipped phrases are seeded on install and
// upgrade (never touching the person's own), and on first use if that was missed.
import { BUILTIN_PHRASES } from '../lib/suggest/phrases';
import { listPhrases, seedBuiltinPhrases } from '../lib/store/phrases';
import type { EvidenceDb } from '../lib/store/schema';
import type { Phrase } from '../lib/suggest/types';

export async function seedPhrases(db: EvidenceDb): Promise<void> {
  await seedBuiltinPhrases(db, [...BUILTIN_PHRASES]);
}

export async function allPhrases(db: EvidenceDb): Promise<Phrase[]> {
  let phrases = await listPhrases(db);
  if (!phrases.some((p) => p.origin === 'builtin')) {
    await seedPhrases(db);
    phrases = await listPhrases(db);
  }
  return phrases;
}
