import { describe, expect, test, vi } from 'vitest';
import { Outbox, type PortLike } from '../../../src/content/capture/outbox';
import type { Observation } from '../../../src/lib/capture/protocol';

function fakePorts() {
  const ports: { posted: any[]; port: PortLike; receive(m: unknown): void; drop(): void }[] = [];
  const connect = () => {
    const msg: ((m: unknown) => void)[] = [];
    const disc: (() => void)[] = [];
    const entry = {
      posted: [] as any[],
      port: {
        postMessage: (m: unknown) => void entry.posted.push(m),
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
