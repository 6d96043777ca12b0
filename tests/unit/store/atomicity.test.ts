// A batch is one transaction: when any write fails, nothing of the batch is stored.
import { describe, expect, it } from 'vitest';
import { buildChunk } from '../../../src/lib/store/chunks';
import { appendBatch, listEntries } from '../../../src/lib/store/entries';
import { getSession } from '../../../src/lib/store/sessions';
import { at, dbWithSession } from './helpers';

describe('appendBatch atomicity', () => {
  it('rolls back the whole batch (entries, count, head, frames) when one write fails', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f', 0, [{ kind: 'message', speaker: 'agent', text: 'first', at: at(0) }]);
    const before = await getSession(db, 's1');
    // Plant a chunk where the batch's entries would go, so the batch's add() fails with a ConstraintError.
    const [first] = await listEntries(db, 's1');
    await db.put('chunks', buildChunk('s1', [{ ...first, seq: 1 }]));

    await expect(
      appendBatch(db, 's1', 'f', 1, [
        { kind: 'message', speaker: 'agent', text: 'second', at: at(1) },
        { kind: 'message', speaker: 'agent', text: 'third', at: at(2) },
      ]),
    ).rejects.toBeTruthy();

    expect(await getSession(db, 's1')).toEqual(before);
    expect((await listEntries(db, 's1')).map((e) => e.seq)).toEqual([0, 1]);
    expect((await listEntries(db, 's1')).map((e) => e.text)).toEqual(['first', 'first']);
    // The batch was not marked as stored, so its resend is accepted once the obstacle is gone.
    await db.delete('chunks', ['s1', 1]);
    const retry = await appendBatch(db, 's1', 'f', 1, [{ kind: 'message', speaker: 'agent', text: 'second', at: at(1) }]);
    expect(retry).toMatchObject({ duplicate: false, entries: [{ seq: 1, prev: first.hash }] });
  });
});
