// Checks a case file (docs/evidence-format.md) without trusting anything in it.
// Never throws: any input, however malformed, gives a VerifyResult.
//
// What firstBadSeq means:
// - For a problem with an entry, it is the POSITION (0-based index in `entries`)
//   of the first entry where anything disagrees with what a genuine chain would
//   have there: a malformed field, a `seq` other than its position, a `prev`
//   other than genesis / the previous entry's hash, or a `hash` that does not
//   recompute. In a genuine file position and seq are equal, so this is "the
//   seq the entry at that place should have had". Consequences:
//     changed text at k → k; dropped entry k → k (the entry now at k has seq k+1);
//     entries k and k+1 swapped → k; a naive insert at k → k; an insert at k whose
//     hash was recomputed by the forger → k+1 (that is where the chain breaks).
// - When every entry is sound but chain.head / chain.count / chain.genesis /
//   chain.algorithm are wrong (e.g. the last entries were dropped), it is the
//   number of entries in the file (the seq the next entry would have).
// - When the file itself is malformed (not an object, wrong format/version, no
//   session.id, entries not an array, chain or attachments missing), it is null.
import { canonicalEntry } from './canonical';
import { genesisHash } from './chain';
import { isHexSha256, sha256Hex } from './hash';
import type { VerifyResult } from './types';

const KINDS = new Set(['message', 'edit', 'remove', 'note']);
const SPEAKERS = new Set(['agent', 'user', 'system']);

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalid(firstBadSeq: number | null, reason: string): VerifyResult {
  return { valid: false, firstBadSeq, reason };
}

/** Returns why an entry's fields are malformed, or null when its shape is fine. */
function entryShapeProblem(e: unknown): string | null {
  if (!isObject(e)) return 'is not an object';
  if (!Number.isInteger(e.seq) || (e.seq as number) < 0) return 'seq is not a non-negative integer';
  if (typeof e.at !== 'string') return 'at is not a string';
  if (typeof e.kind !== 'string' || !KINDS.has(e.kind)) return 'kind is not message/edit/remove/note';
  if (typeof e.speaker !== 'string' || !SPEAKERS.has(e.speaker)) return 'speaker is not agent/user/system';
  if (e.author !== null && typeof e.author !== 'string') return 'author is not a string or null';
  if (typeof e.text !== 'string') return 'text is not a string';
  if (e.kind === 'edit' || e.kind === 'remove') {
    if (!Number.isInteger(e.ref) || (e.ref as number) < 0 || (e.ref as number) >= (e.seq as number))
      return `ref of an ${e.kind} is not the seq of an earlier entry`;
  } else if (e.ref !== null) {
    return `ref of a ${e.kind} is not null`;
  }
  if (!isHexSha256(e.prev)) return 'prev is not a lowercase hex SHA-256';
  if (!isHexSha256(e.hash)) return 'hash is not a lowercase hex SHA-256';
  return null;
}

function fileShapeProblem(data: unknown): string | null {
  if (!isObject(data)) return 'not a JSON object';
  if (data.format !== 'chat-evidence') return 'format is not "chat-evidence"';
  if (data.version !== 1) return `unsupported version ${JSON.stringify(data.version) ?? 'undefined'}`;
  if (!isObject(data.session)) return 'session is missing';
  if (typeof data.session.id !== 'string' || data.session.id === '') return 'session.id is missing';
  if (!Array.isArray(data.entries)) return 'entries is not an array';
  if (!Array.isArray(data.attachments)) return 'attachments is not an array';
  for (const [i, a] of data.attachments.entries()) {
    if (!isObject(a) || typeof a.id !== 'string' || !isHexSha256(a.sha256))
      return `attachments[${i}] has no id or no lowercase hex sha256`;
  }
  if (!isObject(data.chain)) return 'chain is missing';
  return null;
}

/** Verifies a parsed case file; see the header for what firstBadSeq reports. */
export function verifyCaseFile(data: unknown): VerifyResult {
  try {
    return verifyUnsafe(data);
  } catch (err) {
    // Defensive only: the checks above should make this unreachable (e.g. a getter that throws).
    return invalid(null, `could not be checked: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function verifyUnsafe(data: unknown): VerifyResult {
  const shape = fileShapeProblem(data);
  if (shape) return invalid(null, shape);
  const file = data as Obj & { session: Obj & { id: string }; entries: unknown[]; chain: Obj };

  const genesis = genesisHash(file.session.id);
  let expectedPrev = genesis;
  for (let i = 0; i < file.entries.length; i++) {
    const raw = file.entries[i];
    const problem = entryShapeProblem(raw);
    if (problem) return invalid(i, `entry at position ${i} ${problem}`);
    const e = raw as Obj & { seq: number; prev: string; hash: string };
    if (e.seq !== i) {
      const why = e.seq > i ? 'an entry is missing or entries are out of order' : 'an entry was inserted, repeated or moved';
      return invalid(i, `entry at position ${i} has seq ${e.seq} (${why})`);
    }
    if (e.prev !== expectedPrev) {
      return invalid(i, i === 0 ? 'prev of entry 0 is not the genesis hash of session.id' : `prev of entry ${i} is not the hash of entry ${i - 1}`);
    }
    const body = e as unknown as Parameters<typeof canonicalEntry>[0];
    if (sha256Hex(expectedPrev + '\n' + canonicalEntry(body)) !== e.hash) {
      return invalid(i, `hash of entry ${i} does not match its content`);
    }
    expectedPrev = e.hash;
  }

  const count = file.entries.length;
  const chain = file.chain;
  if (chain.algorithm !== 'SHA-256') return invalid(count, 'chain.algorithm is not SHA-256');
  if (chain.genesis !== genesis) return invalid(count, 'chain.genesis does not match session.id');
  if (chain.count !== count) return invalid(count, `chain.count is ${JSON.stringify(chain.count)} but the file has ${count} entries`);
  if (chain.head !== expectedPrev) return invalid(count, 'chain.head is not the hash of the last entry');
  return { valid: true, firstBadSeq: null, reason: null };
}
