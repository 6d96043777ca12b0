// appendBatches: a tab's waiting batches stored together in one transaction.
import { describe, expect, it } from 'vitest';
import { chainEntries } from '../../../src/lib/evidence/chain';
import { buildChunk } from '../../../src/lib/store/chunks';
import { appendBatch, appendBatches, listEntries } from '../../../src/lib/store/entries';
import { getSession } from '../../../src/lib/store/sessions';
import { at, dbWithSession } from './helpers';

const message = (key: string, text: string, s = 1) => ({ kind: 'message' as const, key, speaker: 'agent' as const, text, at: at(s) });

describe('appendBatches', () => {
  it('stores batches in order as one chain, one chunk each, and gives one result per batch', async () => {
    const db = await dbWithSession();
    const results = await appendBatches(db, 's1', [
      { frame: 'f', batchNo: 0, items: [message('a', 'one', 1), message('b', 'two', 2)] },
      { frame: 'g', batchNo: 0, items: [message('a', 'other frame', 3)] },
      { frame: 'f', batchNo: 1, items: [{ kind: 'agent', name: '小李', employeeId: '8812' }, message('c', 'three', 4)] },
    ]);
    expect(results.map((r) => [r.duplicate, r.entries.map((e) => e.seq), r.agentChanged])).toEqual([
      [false, [0, 1], false],
      [false, [2], false],
      [false, [3], true],
    ]);
    const expected = chainEntries('s1', [
      { seq: 0, at: at(1), kind: 'message', speaker: 'agent', author: null, text: 'one', ref: null },
      { seq: 1, at: at(2), kind: 'message', speaker: 'agent', author: null, text: 'two', ref: null },
      { seq: 2, at: at(3), kind: 'message', speaker: 'agent', author: null, text: 'other frame', ref: null },
      { seq: 3, at: at(4), kind: 'message', speaker: 'agent', author: null, text: 'three', ref: null },
    ]);
    expect(await listEntries(db, 's1')).toEqual(expected);
    expect(results.flatMap((r) => r.entries)).toEqual(expected);
    expect((await db.getAll('chunks')).map((c) => c.first)).toEqual([0, 2, 3]);
    expect(await getSession(db, 's1')).toMatchObject({ count: 4, head: expected[3].hash, frames: { f: 1, g: 0 }, agent: { name: '小李', employeeId: '8812' } });
  });

  it('drops resends, also of a batch earlier in the same call, and resolves keys stored earlier in the call', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f', 0, [message('a', 'stored before')]);
    const results = await appendBatches(db, 's1', [
      { frame: 'f', batchNo: 0, items: [message('a', 'resent')] },
      { frame: 'f', batchNo: 1, items: [message('b', 'new')] },
      { frame: 'f', batchNo: 1, items: [message('b', 'new')] },
      { frame: 'f', batchNo: 2, items: [{ kind: 'edit', refKey: 'b', text: 'new!', at: at(5) }, { kind: 'remove', refKey: 'a', at: at(6) }] },
    ]);
    expect(results.map((r) => r.duplicate)).toEqual([true, false, true, false]);
    expect(results[3].entries.map((e) => [e.kind, e.ref])).toEqual([
      ['edit', 1],
      ['remove', 0],
    ]);
    expect((await listEntries(db, 's1')).map((e) => e.text)).toEqual(['stored before', 'new', 'new!', '']);
  });

  it('writes nothing (not even the session) when every batch is a resend', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f', 3, [message('a', 'x')]);
    const before = await getSession(db, 's1');
    expect(await appendBatches(db, 's1', [{ frame: 'f', batchNo: 2, items: [message('z', 'old')] }])).toEqual([{ duplicate: true, entries: [], agentChanged: false }]);
    expect(await getSession(db, 's1')).toEqual(before);
  });

  it('stores nothing of any batch when one write fails, so every batch can be resent', async () => {
    const db = await dbWithSession();
    // A stray chunk where the second batch's entries would go: its add fails.
    await db.put('chunks', buildChunk('s1', chainEntries('s1', [{ seq: 1, at: at(0), kind: 'note', speaker: 'user', author: null, text: 'stray', ref: null }])));
    await expect(
      appendBatches(db, 's1', [
        { frame: 'f', batchNo: 0, items: [message('a', 'one')] },
        { frame: 'f', batchNo: 1, items: [message('b', 'two')] },
      ]),
    ).rejects.toBeTruthy();
    expect(await getSession(db, 's1')).toMatchObject({ count: 0, frames: {} });
    expect((await listEntries(db, 's1')).map((e) => e.text)).toEqual(['stray']);
  });
});
