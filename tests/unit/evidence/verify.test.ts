import { describe, expect, it } from 'vitest';
import { buildCaseFile } from '../../../src/lib/evidence/case-file';
import { chainEntries, genesisHash, linkEntry } from '../../../src/lib/evidence/chain';
import type { CaseFile, Entry } from '../../../src/lib/evidence/types';
import { verifyCaseFile } from '../../../src/lib/evidence/verify';
import { sampleCaseFile } from '../../fixtures/case-files/sample-case';

/** A deep copy, so each tamper case starts from the genuine file. */
const fresh = (): CaseFile => structuredClone(sampleCaseFile());

/** Re-chains entries from position `from` onward, as a forger who recomputes hashes would. */
function rechainFrom(file: CaseFile, from: number): void {
  let prev = from === 0 ? file.chain.genesis : file.entries[from - 1].hash;
  for (let i = from; i < file.entries.length; i++) {
    file.entries[i] = linkEntry(prev, file.entries[i]);
    prev = file.entries[i].hash;
  }
}

describe('verifyCaseFile', () => {
  it('accepts a genuine file', () => {
    expect(verifyCaseFile(fresh())).toEqual({ valid: true, firstBadSeq: null, reason: null });
  });

  it('accepts a genuine file after a JSON round trip', () => {
    expect(verifyCaseFile(JSON.parse(JSON.stringify(fresh()))).valid).toBe(true);
  });

  it('accepts an empty session whose head is the genesis', () => {
    const file = buildCaseFile({ ...sampleInput(), entries: [] });
    expect(file.chain.head).toBe(genesisHash(file.session.id));
    expect(verifyCaseFile(file).valid).toBe(true);
  });

  it('reports changed text at that entry', () => {
    const file = fresh();
    file.entries[3].text = 'I can offer a 60-day deferral without penalty interest.';
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 3, reason: expect.stringContaining('hash') });
  });

  it('reports a changed author, time or speaker at that entry', () => {
    for (const patch of [{ author: '小王' }, { at: '2026-11-25T11:30:06.000Z' }, { speaker: 'agent' as const }]) {
      const file = fresh();
      Object.assign(file.entries[2], patch);
      expect(verifyCaseFile(file).firstBadSeq).toBe(2);
    }
  });

  it('reports a dropped entry at its seq', () => {
    const file = fresh();
    file.entries.splice(2, 1);
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 2, reason: expect.stringContaining('seq 3') });
  });

  it('reports a dropped entry even when the forger renumbers and rechains the rest (head no longer matches)', () => {
    const file = fresh();
    file.entries.splice(5, 1);
    file.entries.forEach((e, i) => (e.seq = i));
    rechainFrom(file, 5);
    // Every link is consistent now, so only the summary can catch it.
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 6 });
  });

  it('reports a dropped last entry through chain.count, at its seq', () => {
    const file = fresh();
    file.entries.pop();
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 6, reason: expect.stringContaining('chain.count') });
  });

  it('reports swapped entries at the first of them', () => {
    const file = fresh();
    [file.entries[1], file.entries[2]] = [file.entries[2], file.entries[1]];
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 1 });
  });

  it('reports swapped entries whose seq was swapped back at the first of them', () => {
    const file = fresh();
    [file.entries[1], file.entries[2]] = [file.entries[2], file.entries[1]];
    file.entries[1].seq = 1;
    file.entries[2].seq = 2;
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 1 });
  });

  it('reports an inserted entry at its position', () => {
    const file = fresh();
    const forged: Entry = { ...file.entries[2], text: 'I agree to pay tomorrow.' };
    file.entries.splice(2, 0, forged);
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 2 });
  });

  it('reports a carefully forged insert (own hash correct) where the chain breaks, right after it', () => {
    const file = fresh();
    const forged = linkEntry(file.entries[1].hash, { ...file.entries[2], seq: 2, text: 'I agree to pay tomorrow.' });
    file.entries.splice(2, 0, forged);
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 3 });
  });

  it('reports a prev that does not link, at that entry', () => {
    const file = fresh();
    file.entries[4] = linkEntry('0'.repeat(64), file.entries[4]);
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 4, reason: expect.stringContaining('prev') });
  });

  it('reports a file moved to another session id at entry 0', () => {
    const file = fresh();
    file.session.id = 'another-session';
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 0, reason: expect.stringContaining('genesis') });
  });

  it('reports a bad head at the count', () => {
    const file = fresh();
    file.chain.head = file.entries[5].hash;
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 7, reason: expect.stringContaining('chain.head') });
  });

  it('reports a bad count at the count', () => {
    const file = fresh();
    file.chain.count = 8;
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 7, reason: expect.stringContaining('chain.count') });
  });

  it('reports a bad genesis or algorithm in the summary at the count', () => {
    const a = fresh();
    a.chain.genesis = genesisHash('other');
    expect(verifyCaseFile(a).firstBadSeq).toBe(7);
    const b = fresh();
    (b.chain as { algorithm: string }).algorithm = 'MD5';
    expect(verifyCaseFile(b).firstBadSeq).toBe(7);
  });

  it('rejects malformed files with a reason and no seq', () => {
    const cases: [unknown, RegExp][] = [
      [null, /object/],
      ['text', /object/],
      [[], /object/],
      [{ ...fresh(), format: 'other' }, /format/],
      [{ ...fresh(), version: 2 }, /version/],
      [{ ...fresh(), session: undefined }, /session/],
      [{ ...fresh(), session: { ...fresh().session, id: 42 } }, /session\.id/],
      [{ ...fresh(), entries: {} }, /entries/],
      [{ ...fresh(), attachments: undefined }, /attachments/],
      [{ ...fresh(), attachments: [{ id: 'a', sha256: 'XYZ' }] }, /attachments\[0\]/],
      [{ ...fresh(), chain: null }, /chain/],
    ];
    for (const [input, reason] of cases) {
      const r = verifyCaseFile(input);
      expect(r.valid, String(reason)).toBe(false);
      expect(r.firstBadSeq).toBeNull();
      expect(r.reason).toMatch(reason);
    }
  });

  it('rejects a malformed entry at its position', () => {
    const patches: Record<string, unknown>[] = [
      { seq: '1' },
      { at: 5 },
      { kind: 'shout' },
      { speaker: 'bot' },
      { author: 3 },
      { text: null },
      { ref: 0 }, // a message with a ref
      { prev: 'ABC' },
      { hash: undefined },
    ];
    for (const patch of patches) {
      const file = fresh();
      Object.assign(file.entries[1], patch);
      expect(verifyCaseFile(file), JSON.stringify(patch)).toMatchObject({ valid: false, firstBadSeq: 1 });
    }
    const file = fresh();
    (file.entries as unknown[])[5] = 'not an entry';
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 5, reason: expect.stringContaining('not an object') });
  });

  it('rejects an edit whose ref does not point back', () => {
    const file = fresh();
    file.entries[4].ref = 4;
    expect(verifyCaseFile(file)).toMatchObject({ valid: false, firstBadSeq: 4, reason: expect.stringContaining('ref') });
  });

  it('never throws, even on hostile objects', () => {
    const hostile = { ...fresh() };
    Object.defineProperty(hostile, 'entries', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(verifyCaseFile(hostile)).toMatchObject({ valid: false, firstBadSeq: null });
  });
});

function sampleInput() {
  const f = sampleCaseFile();
  return { session: f.session, entries: chainEntries(f.session.id, []), attachments: [], generator: f.generator, exportedAt: f.exportedAt };
}
