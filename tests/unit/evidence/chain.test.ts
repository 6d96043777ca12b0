import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainEntries, genesisHash, linkEntry } from '../../../src/lib/evidence/chain';
import { sha256Hex, sha256HexOfBytes } from '../../../src/lib/evidence/hash';
import { SAMPLE_SESSION_ID, sampleBodies } from '../../fixtures/case-files/sample-case';

/** An independent implementation (node:crypto) of the documented rule. */
const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the known SHA-256 test vector for "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(sha256Hex('延期还款 💳')).toBe(nodeSha('延期还款 💳'));
  });
  it('hashes raw bytes', () => {
    expect(sha256HexOfBytes(new Uint8Array([97, 98, 99]))).toBe(sha256Hex('abc'));
  });
});

describe('hash chain', () => {
  it('genesis is sha256("chat-evidence/1|" + id)', () => {
    expect(genesisHash('s-1')).toBe(nodeSha('chat-evidence/1|s-1'));
  });

  it('links each entry to the one before, as computed independently with node:crypto', () => {
    const bodies = sampleBodies();
    const entries = chainEntries(SAMPLE_SESSION_ID, bodies);
    let prev = nodeSha('chat-evidence/1|' + SAMPLE_SESSION_ID);
    for (const [i, b] of bodies.entries()) {
      const expected = nodeSha(prev + '\n' + JSON.stringify([b.seq, b.at, b.kind, b.speaker, b.author, b.text, b.ref]));
      expect(entries[i].prev).toBe(prev);
      expect(entries[i].hash).toBe(expected);
      prev = expected;
    }
  });

  it('matches a hand-built vector for one entry', () => {
    const body = { seq: 0, at: '2026-11-25T12:00:00.000Z', kind: 'message', speaker: 'agent', author: null, text: '您好', ref: null } as const;
    const g = nodeSha('chat-evidence/1|abc');
    const expected = nodeSha(g + '\n' + '[0,"2026-11-25T12:00:00.000Z","message","agent",null,"您好",null]');
    expect(linkEntry(g, body).hash).toBe(expected);
  });

  it('linkEntry returns exactly the documented fields', () => {
    const e = linkEntry(genesisHash('x'), { ...sampleBodies()[0], key: 'k' } as never);
    expect(Object.keys(e).sort()).toEqual(['at', 'author', 'hash', 'kind', 'prev', 'ref', 'seq', 'speaker', 'text']);
  });

  it('a change in any covered field changes the hash', () => {
    const [b] = sampleBodies();
    const g = genesisHash('x');
    const base = linkEntry(g, b).hash;
    for (const patch of [{ seq: 1 }, { at: '2026-11-25T11:30:01.000Z' }, { kind: 'note' }, { speaker: 'user' }, { author: 'A' }, { text: b.text + ' ' }, { ref: 0 }]) {
      expect(linkEntry(g, { ...b, ...patch } as typeof b).hash).not.toBe(base);
    }
  });
});
