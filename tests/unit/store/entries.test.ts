import { describe, expect, it } from 'vitest';
import { chainEntries, genesisHash } from '../../../src/lib/evidence/chain';
import { buildCaseFile } from '../../../src/lib/evidence/case-file';
import { verifyCaseFile } from '../../../src/lib/evidence/verify';
import { appendBatch, lastEntries, listEntries } from '../../../src/lib/store/entries';
import { getSession, setAgent } from '../../../src/lib/store/sessions';
import { at, dbWithSession } from './helpers';

describe('appendBatch', () => {
  it('assigns seq, prev and hash as the chain rule says and updates the session', async () => {
    const db = await dbWithSession();
    const r = await appendBatch(db, 's1', 'f1', 0, [
      { kind: 'message', key: 'm1', speaker: 'agent', author: '小李', text: '您好', at: at(1) },
      { kind: 'message', key: 'm2', speaker: 'user', text: '你好', at: at(2) },
    ]);
    expect(r.duplicate).toBe(false);
    const expected = chainEntries('s1', [
      { seq: 0, at: at(1), kind: 'message', speaker: 'agent', author: '小李', text: '您好', ref: null },
      { seq: 1, at: at(2), kind: 'message', speaker: 'user', author: null, text: '你好', ref: null },
    ]);
    expect(r.entries).toEqual(expected);
    const s = await getSession(db, 's1');
    expect(s).toMatchObject({ count: 2, head: expected[1].hash, frames: { f1: 0 } });

    const r2 = await appendBatch(db, 's1', 'f1', 1, [{ kind: 'message', key: 'm3', speaker: 'agent', text: '请稍等', at: at(3) }]);
    expect(r2.entries[0]).toMatchObject({ seq: 2, prev: expected[1].hash });
    expect(await listEntries(db, 's1')).toEqual([...expected, r2.entries[0]]);
  });

  it('drops a batch the frame already stored, writing nothing', async () => {
    const db = await dbWithSession();
    const items = [{ kind: 'message' as const, key: 'm1', speaker: 'agent' as const, text: 'a', at: at(1) }];
    await appendBatch(db, 's1', 'f1', 0, items);
    await appendBatch(db, 's1', 'f1', 1, items);
    const before = await getSession(db, 's1');
    expect(await appendBatch(db, 's1', 'f1', 1, items)).toEqual({ duplicate: true, entries: [], agentChanged: false });
    expect(await appendBatch(db, 's1', 'f1', 0, items)).toMatchObject({ duplicate: true });
    expect(await getSession(db, 's1')).toEqual(before);
    expect(await listEntries(db, 's1')).toHaveLength(2);
    // Another frame numbers its own batches.
    expect(await appendBatch(db, 's1', 'f2', 0, items)).toMatchObject({ duplicate: false });
    expect((await getSession(db, 's1'))?.frames).toEqual({ f1: 1, f2: 0 });
  });

  it('never checks batch numbers for the user (frame null)', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', null, null, [{ kind: 'note', text: 'n1', at: at(1) }]);
    const r = await appendBatch(db, 's1', null, null, [{ kind: 'note', text: 'n1', at: at(1) }]);
    expect(r.entries[0]).toMatchObject({ seq: 1, kind: 'note', speaker: 'user', author: null });
  });

  it('resolves edit/remove refKey to the message seq and inherits its speaker and author', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f1', 0, [
      { kind: 'message', key: 'm1', speaker: 'agent', author: '小李', text: 'no penalty', at: at(1) },
      { kind: 'message', key: 'm2', speaker: 'user', text: 'ok', at: at(2) },
      // Same batch: resolved too.
      { kind: 'edit', refKey: 'm2', text: 'ok!', at: at(3) },
    ]);
    const r = await appendBatch(db, 's1', 'f1', 1, [
      { kind: 'edit', refKey: 'm1', text: 'penalty applies', at: at(4), speaker: 'user' },
      { kind: 'remove', refKey: 'm1', text: 'ignored', at: at(5) },
      { kind: 'edit', refKey: 'unknown', text: 'x', at: at(6) },
    ]);
    expect(r.entries.map(({ seq, kind, speaker, author, text, ref }) => ({ seq, kind, speaker, author, text, ref }))).toEqual([
      { seq: 3, kind: 'edit', speaker: 'agent', author: '小李', text: 'penalty applies', ref: 0 },
      { seq: 4, kind: 'remove', speaker: 'agent', author: '小李', text: '', ref: 0 },
    ]);
    const all = await listEntries(db, 's1');
    expect(all[2]).toMatchObject({ kind: 'edit', ref: 1, speaker: 'user' });
    expect(all).toHaveLength(5);
  });

  it('writes a placement as a system note naming the entries of its keys, in the order given, and the one they come before', async () => {
    const db = await dbWithSession();
    const describe = (seqs: number[], before: number) => `${seqs.join(',')} before ${before}`;
    await appendBatch(db, 's1', 'f1', 0, [
      { kind: 'message', key: 'new', speaker: 'agent', text: 'latest', at: at(1) },
      { kind: 'message', key: 'old1', speaker: 'agent', text: 'older', at: at(2) },
    ]);
    const r = await appendBatch(db, 's1', 'f1', 1, [
      { kind: 'message', key: 'old2', speaker: 'user', text: 'older still', at: at(3) },
      // One key from an earlier batch, one from this one; an unknown key is left out.
      { kind: 'placement', keys: ['old2', 'gone', 'old1'], beforeKey: 'new', at: at(4), describe },
      // Nothing to name: no entry.
      { kind: 'placement', keys: ['gone'], beforeKey: 'new', at: at(5), describe },
      { kind: 'placement', keys: ['old1'], beforeKey: 'gone', at: at(6), describe },
    ]);
    expect(r.entries.map(({ seq, kind, speaker, author, text, ref }) => ({ seq, kind, speaker, author, text, ref }))).toEqual([
      { seq: 2, kind: 'message', speaker: 'user', author: null, text: 'older still', ref: null },
      { seq: 3, kind: 'message', speaker: 'system', author: null, text: '2,1 before 0', ref: null },
    ]);
  });

  it('does not resolve a key seen in another frame', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f1', 0, [{ kind: 'message', key: 'm1', speaker: 'agent', text: 'a', at: at(1) }]);
    const r = await appendBatch(db, 's1', 'f2', 0, [{ kind: 'edit', refKey: 'm1', text: 'b', at: at(2) }]);
    expect(r.entries).toEqual([]);
  });

  it('resolves a repeated key to its latest message', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f1', 0, [
      { kind: 'message', key: 'm1', speaker: 'agent', text: 'first', at: at(1) },
      { kind: 'message', key: 'x', speaker: 'user', text: 'between', at: at(2) },
    ]);
    await appendBatch(db, 's1', 'f1', 1, [{ kind: 'message', key: 'm1', speaker: 'system', text: 'second', at: at(3) }]);
    const r = await appendBatch(db, 's1', 'f1', 2, [{ kind: 'remove', refKey: 'm1', at: at(4) }]);
    expect(r.entries[0]).toMatchObject({ ref: 2, speaker: 'system' });
  });

  it('lists entries with exactly the case-file fields (no sessionId or key)', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f1', 0, [{ kind: 'message', key: 'm1', speaker: 'agent', text: 'a', at: at(1) }]);
    const [e] = await listEntries(db, 's1');
    expect(Object.keys(e).sort()).toEqual(['at', 'author', 'hash', 'kind', 'prev', 'ref', 'seq', 'speaker', 'text']);
  });

  it('writes times in toISOString form', async () => {
    const db = await dbWithSession();
    const r = await appendBatch(db, 's1', null, null, [{ kind: 'note', text: 'x', at: '2026-11-25T12:00:00Z' }]);
    expect(r.entries[0].at).toBe('2026-11-25T12:00:00.000Z');
  });

  it('applies agent items unless the user confirmed the agent, and they are not entries', async () => {
    const db = await dbWithSession();
    const r = await appendBatch(db, 's1', 'f1', 0, [{ kind: 'agent', name: '小李', employeeId: null }]);
    expect(r).toMatchObject({ entries: [], agentChanged: true });
    await appendBatch(db, 's1', 'f1', 1, [{ kind: 'agent', name: null, employeeId: '80123' }]);
    expect((await getSession(db, 's1'))?.agent).toEqual({ name: '小李', employeeId: '80123' });
    expect((await getSession(db, 's1'))?.count).toBe(0);
    // A case number standing in does not replace the employee id; it fills an empty one.
    await appendBatch(db, 's1', 'f2', 0, [{ kind: 'agent', name: '小李', employeeId: 'case 5512' }]);
    expect((await getSession(db, 's1'))?.agent).toEqual({ name: '小李', employeeId: '80123' });
    const fresh = await dbWithSession();
    await appendBatch(fresh, 's1', 'f1', 0, [{ kind: 'agent', name: null, employeeId: 'case 5512' }]);
    await appendBatch(fresh, 's1', 'f1', 1, [{ kind: 'agent', name: null, employeeId: 'case 5513' }]);
    expect((await getSession(fresh, 's1'))?.agent).toEqual({ name: null, employeeId: 'case 5513' });
    await appendBatch(fresh, 's1', 'f1', 2, [{ kind: 'agent', name: null, employeeId: '10086' }]);
    expect((await getSession(fresh, 's1'))?.agent).toEqual({ name: null, employeeId: '10086' });

    expect(await setAgent(db, 's1', { name: '李华', employeeId: 'A7' }, { confirmed: true })).toBe(true);
    const r3 = await appendBatch(db, 's1', 'f1', 2, [{ kind: 'agent', name: '小王', employeeId: '1' }]);
    expect(r3.agentChanged).toBe(false);
    expect(await setAgent(db, 's1', { name: '小王', employeeId: '1' }, { confirmed: false })).toBe(false);
    expect((await getSession(db, 's1'))?.agent).toEqual({ name: '李华', employeeId: 'A7' });
  });

  it('rejects an unknown session without writing', async () => {
    const db = await dbWithSession();
    await expect(appendBatch(db, 'nope', 'f1', 0, [{ kind: 'note', text: 'x', at: at(1) }])).rejects.toMatchObject({ code: 'not-found' });
    expect(await listEntries(db, 'nope')).toEqual([]);
  });

  it('stored entries export to a case file that verifies', async () => {
    const db = await dbWithSession();
    for (let b = 0; b < 5; b++) {
      await appendBatch(db, 's1', 'f1', b, [
        { kind: 'message', key: `m${b}`, speaker: b % 2 ? 'user' : 'agent', text: `第 ${b} 条`, at: at(b) },
        { kind: 'edit', refKey: `m${b}`, text: `第 ${b} 条（改）`, at: at(b) },
      ]);
    }
    const session = (await getSession(db, 's1'))!;
    const file = buildCaseFile({ session, entries: await listEntries(db, 's1'), attachments: [], generator: { name: 'n', version: '1' }, exportedAt: at(59) });
    expect(verifyCaseFile(file)).toEqual({ valid: true, firstBadSeq: null, reason: null });
    expect(file.chain.head).toBe(session.head);
    expect(file.chain.genesis).toBe(genesisHash('s1'));
  });
});

describe('lastEntries', () => {
  it('returns the last n oldest first, only of that session', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', null, null, [1, 2, 3, 4].map((i) => ({ kind: 'note' as const, text: `n${i}`, at: at(i) })));
    expect((await lastEntries(db, 's1', 2)).map((e) => e.text)).toEqual(['n3', 'n4']);
    expect((await lastEntries(db, 's1', 10)).map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(await lastEntries(db, 's1', 0)).toEqual([]);
    expect(await lastEntries(db, 's2', 3)).toEqual([]);
  });
});
