import { describe, expect, test, vi } from 'vitest';
import { Outbox, type PortLike } from '../../../src/content/capture/outbox';
import { batchFromWire, batchToWire, liveEventFromWire, liveEventToWire, type Observation } from '../../../src/lib/capture/protocol';

function fakePorts() {
  const ports: { posted: any[]; port: PortLike; receive(m: unknown): void; drop(): void }[] = [];
  const connect = () => {
    const msg: ((m: unknown) => void)[] = [];
    const disc: (() => void)[] = [];
    const entry = {
      posted: [] as any[],
      port: {
        // Batches cross the port packed; the tests read them unpacked (and so check they unpack).
        postMessage: (m: any) => void entry.posted.push(m?.type === 'batch' ? { ...batchFromWire(m)!, wire: m } : m),
        disconnect: () => undefined,
        onMessage: { addListener: (fn: (m: unknown) => void) => void msg.push(fn) },
        onDisconnect: { addListener: (fn: () => void) => void disc.push(fn) },
      },
      receive: (m: unknown) => msg.forEach((fn) => fn(m)),
      drop: () => disc.forEach((fn) => fn()),
    };
    ports.push(entry);
    return entry.port;
  };
  return { ports, connect };
}

const obs = (i: number): Observation => ({ kind: 'message', key: `n${i}`, speaker: 'agent', author: null, text: `t${i}`, at: '2026-01-01T00:00:00.000Z' });
const hello = () => ({ type: 'hello' as const, frame: 'f1', url: 'https://x', title: 't', top: true });

describe('Outbox', () => {
  test('batches within the delay, numbers them per frame, sends hello first', () => {
    vi.useFakeTimers();
    const { ports, connect } = fakePorts();
    const box = new Outbox({ frame: 'f1', connect, hello, onStop: () => undefined });
    box.push(obs(1));
    box.push(obs(2));
    expect(ports).toHaveLength(0);
    vi.advanceTimersByTime(25);
    expect(ports[0].posted.map((m) => m.type)).toEqual(['hello', 'batch']);
    expect(ports[0].posted[1]).toMatchObject({ frame: 'f1', batchNo: 0, items: [obs(1), obs(2)] });
    box.push(obs(3));
    vi.advanceTimersByTime(25);
    expect(ports[0].posted[2]).toMatchObject({ batchNo: 1, items: [obs(3)] });
    vi.useRealTimers();
  });

  test('a full batch leaves at once', () => {
    const { ports, connect } = fakePorts();
    const box = new Outbox({ frame: 'f1', connect, hello, onStop: () => undefined, maxItems: 3 });
    for (let i = 0; i < 7; i++) box.push(obs(i));
    expect(ports[0].posted.filter((m) => m.type === 'batch').map((m) => m.items.length)).toEqual([3, 3]);
    box.flush();
    expect(ports[0].posted.filter((m) => m.type === 'batch').map((m) => m.batchNo)).toEqual([0, 1, 2]);
  });

  test('unacknowledged batches are resent in order after a reconnect; acknowledged ones are not', () => {
    vi.useFakeTimers();
    const { ports, connect } = fakePorts();
    const box = new Outbox({ frame: 'f1', connect, hello, onStop: () => undefined });
    box.push(obs(1));
    box.flush();
    box.push(obs(2));
    box.flush();
    box.push(obs(3));
    box.flush();
    ports[0].receive({ type: 'ack', frame: 'f1', batchNo: 0 });
    expect(box.pending.map((b) => b.batchNo)).toEqual([1, 2]);
    ports[0].drop(); // the service worker stopped
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(150);
    expect(ports).toHaveLength(2);
    expect(ports[1].posted.map((m) => (m.type === 'batch' ? m.batchNo : m.type))).toEqual(['hello', 1, 2]);
    ports[1].receive({ type: 'ack', frame: 'f1', batchNo: 1 });
    ports[1].receive({ type: 'ack', frame: 'f1', batchNo: 2 });
    expect(box.pending).toHaveLength(0);
    vi.useRealTimers();
  });

  test('acks of another frame are ignored; stop is passed on', () => {
    const { ports, connect } = fakePorts();
    const onStop = vi.fn();
    const box = new Outbox({ frame: 'f1', connect, hello, onStop });
    box.push(obs(1));
    box.flush();
    ports[0].receive({ type: 'ack', frame: 'other', batchNo: 0 });
    expect(box.pending).toHaveLength(1);
    ports[0].receive({ type: 'stop' });
    expect(onStop).toHaveBeenCalledOnce();
  });

  test('an extension that went away (connect throws) ends the outbox', () => {
    const onDead = vi.fn();
    const box = new Outbox({ frame: 'f1', connect: () => { throw new Error('Extension context invalidated'); }, hello, onStop: () => undefined, onDead });
    box.push(obs(1));
    box.flush();
    expect(onDead).toHaveBeenCalledOnce();
  });
});

describe('wire forms', () => {
  const entry = { kind: 'message' as const, key: 'n1', speaker: 'user' as const, author: null, text: '我想分期 "6" 期', at: '2026-11-25T00:00:00.000Z' };
  test('a batch crosses the port as one JSON string and comes back equal; malformed ones are refused', () => {
    const batch = { type: 'batch' as const, frame: 'f', batchNo: 3, items: [entry] };
    const wire = batchToWire(batch);
    expect(typeof wire.packed).toBe('string');
    expect(batchFromWire(JSON.parse(JSON.stringify(wire)))).toEqual(batch);
    expect(batchFromWire(batch)).toEqual(batch);
    expect(batchFromWire({ ...wire, packed: '{not json' })).toBeNull();
    expect(batchFromWire({ ...wire, packed: '{}' })).toBeNull();
    expect(batchFromWire({ type: 'batch', frame: 'f', batchNo: 1.5, items: [] })).toBeNull();
  });
  test('live entries events are packed, other events pass as they are', () => {
    const entries = [{ seq: 0, kind: 'message', speaker: 'agent', text: '您好', at: '2026-11-25T00:00:00.000Z', hash: 'h', prev: 'p' }] as any;
    const wire = liveEventToWire({ type: 'entries', sessionId: 's', entries });
    expect(wire).toEqual({ type: 'entries', sessionId: 's', packed: JSON.stringify(entries) });
    expect(liveEventFromWire(JSON.parse(JSON.stringify(wire)))).toEqual({ type: 'entries', sessionId: 's', entries });
    const status = { type: 'status' as const, tabId: 1, capturing: true, sessionId: 's', count: 3 };
    expect(liveEventToWire(status)).toBe(status);
    expect(liveEventFromWire(status)).toBe(status);
  });
});
