// Links entries into the SHA-256 hash chain of docs/evidence-format.md.
import { canonicalEntry } from './canonical';
import { sha256Hex } from './hash';
import type { Entry, EntryBody } from './types';

/** The chain's starting value for a session: sha256("chat-evidence/1|" + id). */
export function genesisHash(sessionId: string): string {
  return sha256Hex('chat-evidence/1|' + sessionId);
}

/** The hash of an entry given the hash before it. */
export function entryHash(prev: string, body: EntryBody): string {
  return sha256Hex(prev + '\n' + canonicalEntry(body));
}

/** Returns the entry with exactly the documented fields, linked after `prev`. */
export function linkEntry(prev: string, body: EntryBody): Entry {
  const clean: EntryBody = {
    seq: body.seq,
    at: body.at,
    kind: body.kind,
    speaker: body.speaker,
    author: body.author ?? null,
    text: body.text,
    ref: body.ref ?? null,
  };
  return { ...clean, prev, hash: entryHash(prev, clean) };
}

/** Chains bodies in order starting from the session's genesis; seq is taken from each body as given. */
export function chainEntries(sessionId: string, bodies: EntryBody[]): Entry[] {
  let prev = genesisHash(sessionId);
  return bodies.map((body) => {
    const entry = linkEntry(prev, body);
    prev = entry.hash;
    return entry;
  });
}

/** Strips a stored record (which may carry extra fields such as sessionId or key) to exactly Entry's fields. */
export function toEntry(record: Entry): Entry {
  return {
    seq: record.seq,
    at: record.at,
    kind: record.kind,
    speaker: record.speaker,
    author: record.author,
    text: record.text,
    ref: record.ref,
    prev: record.prev,
    hash: record.hash,
  };
}
