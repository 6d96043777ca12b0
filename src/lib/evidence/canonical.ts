// The canonical form of an entry: the exact string its hash covers (docs/evidence-format.md).
import type { EntryBody } from './types';

/**
 * JSON.stringify([seq, at, kind, speaker, author, text, ref]): no spaces,
 * non-ASCII as is, null for an absent author/ref (undefined would turn into null
 * inside an array anyway, but we say it explicitly so the intent is plain).
 */
export function canonicalEntry(e: EntryBody): string {
  return JSON.stringify([e.seq, e.at, e.kind, e.speaker, e.author ?? null, e.text, e.ref ?? null]);
}
