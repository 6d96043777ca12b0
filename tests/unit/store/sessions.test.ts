import { describe, expect, it } from 'vitest';
import { genesisHash } from '../../../src/lib/evidence/chain';
import { addScreenshot, listAttachments, getAttachmentBytes } from '../../../src/lib/store/attachments';
import { appendBatch, listEntries } from '../../../src/lib/store/entries';
import { createSession, deleteSession, endSession, getSession, listSessions, setAgreement } from '../../../src/lib/store/sessions';
import { at, dbWithSession, freshDb } from './helpers';

describe('sessions', () => {
  it('creates an empty session whose head is the genesis', async () => {
    const db = await dbWithSession('abc');
    expect(await getSession(db, 'abc')).toEqual({
      id: 'abc',
      url: 'https://cs.example.com/chat',
      title: '客服',
      startedAt: '2026-11-25T11:00:00.000Z',
      endedAt: null,
      agent: { name: null, employeeId: null },
      agreement: null,
      tabId: 7,
      count: 0,
      head: genesisHash('abc'),
      frames: {},
      agentConfirmed: false,
    });
    expect(await getSession(db, 'missing')).toBeNull();
  });

  it('refuses to create a session twice', async () => {
    const db = await dbWithSession('abc');
    await expect(createSession(db, { id: 'abc', url: 'u', title: 't', tabId: null, startedAt: at(0) })).rejects.toBeTruthy();
  });

  it('lists newest first with the stored count', async () => {
    const { db } = await freshDb();
    await createSession(db, { id: 'old', url: 'u', title: 't', tabId: null, startedAt: at(1) });
    await createSession(db, { id: 'new', url: 'u', title: 't', tabId: 2, startedAt: at(9) });
    await createSession(db, { id: 'mid', url: 'u', title: 't', tabId: null, startedAt: at(5) });
    await appendBatch(db, 'mid', 'f', 0, [1, 2, 3].map((i) => ({ kind: 'message' as const, speaker: 'agent' as const, text: `${i}`, at: at(i) })));
    const list = await listSessions(db);
    expect(list.map((s) => [s.id, s.count])).toEqual([
      ['new', 0],
      ['mid', 3],
      ['old', 0],
    ]);
    expect(list[0]).toEqual({ id: 'new', url: 'u', title: 't', startedAt: at(9), endedAt: null, count: 0, agent: { name: null, employeeId: null } });
  });

  it('ends a session once', async () => {
    const db = await dbWithSession();
    await endSession(db, 's1', at(30));
    await endSession(db, 's1', at(40));
    expect((await getSession(db, 's1'))?.endedAt).toBe(at(30));
    await expect(endSession(db, 'nope', at(1))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('sets and clears the agreement', async () => {
    const db = await dbWithSession();
    const agreement = { kind: 'deferral' as const, amount: '3200', currency: 'CNY', dueDates: ['2026-12-15'], conditions: '', recordedAt: at(9) };
    await setAgreement(db, 's1', agreement);
    expect((await getSession(db, 's1'))?.agreement).toEqual(agreement);
    await setAgreement(db, 's1', null);
    expect((await getSession(db, 's1'))?.agreement).toBeNull();
  });

  it('deletes a session with its entries and attachments, leaving others alone', async () => {
    const db = await dbWithSession('a');
    await createSession(db, { id: 'b', url: 'u', title: 't', tabId: null, startedAt: at(1) });
    for (const id of ['a', 'b']) {
      await appendBatch(db, id, 'f', 0, [{ kind: 'message', key: 'k', speaker: 'agent', text: id, at: at(1) }]);
      await addScreenshot(db, id, { bytes: new Uint8Array([1, 2, 3]), mime: 'image/png', at: at(2), noteText: (h) => `shot ${h}` });
    }
    const [shotA] = await listAttachments(db, 'a');
    await deleteSession(db, 'a');
    expect(await getSession(db, 'a')).toBeNull();
    expect(await listEntries(db, 'a')).toEqual([]);
    expect(await listAttachments(db, 'a')).toEqual([]);
    expect(await getAttachmentBytes(db, shotA.id)).toBeNull();
    expect(await listEntries(db, 'b')).toHaveLength(2);
    expect(await listAttachments(db, 'b')).toHaveLength(1);
    await deleteSession(db, 'never-existed');
  });
});
