// The capture port's per-tab queue: batches arriving while a transaction runs are stored
// together, each acked after its commit, resends dropped, the count pushed per commit and
// the entries pushed once when the queue is empty.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, test, vi } from 'vitest';
import { openEvidenceDb } from '../../../src/lib/store/db';
import { listEntries } from '../../../src/lib/store/entries';
import { createSession } from '../../../src/lib/store/sessions';
import type { EvidenceDb } from '../../../src/lib/store/schema';

vi.mock('../../../src/lib/browser', () => ({ default: {} }));
const state = vi.hoisted(() => ({ db: null as unknown as EvidenceDb }));
vi.mock('../../../src/background/db', () => ({ getDb: async () => state.db }));
vi.mock('../../../src/background/tab-sessions', () => ({ sessionOfTab: async () => 's1' }));
vi.mock('../../../src/background/live', () => ({ publishEntries: vi.fn(), publishStatus: vi.fn(), publishSessionChanged: vi.fn() }));

const { acceptCapturePort, drainCaptureQueue } = await import('../../../src/background/capture-port');
const live = await import('../../../src/background/live');

function fakePort(tabId: number) {
  let onMessage: (m: unknown) => void = () => undefined;
  const port = {
    sender: { tab: { id: tabId } },
    onMessage: { addListener: (f: (m: unknown) => void) => (onMessage = f) },
    onDisconnect: { addListener: () => undefined },
    postMessage: vi.fn(),
    disconnect: vi.fn(),
  };
  acceptCapturePort(port as never);
  return { port, send: (m: unknown) => onMessage(m) };
}

const batch = (batchNo: number, texts: string[]) => ({
  type: 'batch',
  frame: 'f',
  batchNo,
  items: texts.map((text, i) => ({ kind: 'message', key: `${batchNo}-${i}`, speaker: 'agent', author: null, text, at: '2026-11-25T12:00:00.000Z' })),
});

beforeEach(async () => {
  state.db = await openEvidenceDb({ name: 'cp', factory: new IDBFactory() });
  await createSession(state.db, { id: 's1', url: 'u', title: 't', tabId: 7, startedAt: '2026-11-25T11:00:00.000Z' });
  vi.mocked(live.publishEntries).mockClear();
  vi.mocked(live.publishStatus).mockClear();
});

test('batches that wait are stored together, every one acked, a resend dropped, entries pushed once', async () => {
  const { port, send } = fakePort(7);
  send(batch(0, ['a', 'b']));
  // These arrive while the first transaction runs.
  send(batch(1, ['c']));
  send(batch(2, ['d', 'e']));
  send(batch(1, ['c'])); // a resend (its ack was lost)
  send({ type: 'hello', frame: 'f', url: 'u', title: 't', top: true }); // not a batch: ignored
  await drainCaptureQueue(7);

  expect((await listEntries(state.db, 's1')).map((e) => [e.seq, e.text])).toEqual([
    [0, 'a'],
    [1, 'b'],
    [2, 'c'],
    [3, 'd'],
    [4, 'e'],
  ]);
  expect(port.postMessage.mock.calls.map(([m]) => m)).toEqual([0, 1, 2, 1].map((batchNo) => ({ type: 'ack', frame: 'f', batchNo })));
  // One count per transaction: the first batch alone, then the three that waited.
  expect(vi.mocked(live.publishStatus).mock.calls.map((c) => c[3])).toEqual([2, 5]);
  // The entries went out in one push after the queue emptied, in chain order.
  expect(vi.mocked(live.publishEntries).mock.calls.map((c) => c[2].map((e) => e.text))).toEqual([['a', 'b', 'c', 'd', 'e']]);
});

test('batches that cannot be stored are not acked, and their resends are stored once the store accepts them', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { port, send } = fakePort(7);
  send(batch(0, ['a']));
  await drainCaptureQueue(7);
  // A chunk already where the next entries would go: their writes fail.
  const { buildChunk } = await import('../../../src/lib/store/chunks');
  const [first] = await listEntries(state.db, 's1');
  await state.db.put('chunks', buildChunk('s1', [{ ...first, seq: 1, text: 'planted' }]));
  send(batch(1, ['b']));
  send(batch(2, ['c']));
  await drainCaptureQueue(7);
  // Stored together they fail; retried one by one, each fails on the planted chunk too.
  expect(port.postMessage.mock.calls.map(([m]) => (m as { batchNo: number }).batchNo)).toEqual([0]);
  // Once the obstacle is gone, the resends are stored and acked.
  await state.db.delete('chunks', ['s1', 1]);
  send(batch(1, ['b']));
  send(batch(2, ['c']));
  await drainCaptureQueue(7);
  expect(port.postMessage.mock.calls.map(([m]) => (m as { batchNo: number }).batchNo)).toEqual([0, 1, 2]);
  expect((await listEntries(state.db, 's1')).map((e) => e.text)).toEqual(['a', 'b', 'c']);
});
