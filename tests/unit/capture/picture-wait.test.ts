// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PICTURE_WAIT_MS, PictureWait } from '../../../src/content/capture/picture-wait';

let timeUp: Element[];
let wait: PictureWait;

beforeEach(() => {
  vi.useFakeTimers();
  timeUp = [];
  wait = new PictureWait({ timeUp: (row) => void timeUp.push(row), now: () => Date.now() });
});

afterEach(() => vi.useRealTimers());

describe('PictureWait', () => {
  test('a row waits from the first time it is asked about, for PICTURE_WAIT_MS, then is handed back once', () => {
    const row = document.createElement('div');
    expect(wait.waits(row)).toBe(true);
    vi.advanceTimersByTime(PICTURE_WAIT_MS - 100);
    expect(wait.waits(row)).toBe(true);
    expect(timeUp).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(timeUp).toEqual([row]);
    expect(wait.waits(row)).toBe(false);
    vi.advanceTimersByTime(PICTURE_WAIT_MS * 3);
    expect(timeUp).toEqual([row]);
  });

  test('each row has its own wait', () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    wait.waits(a);
    vi.advanceTimersByTime(PICTURE_WAIT_MS / 2);
    wait.waits(b);
    vi.advanceTimersByTime(PICTURE_WAIT_MS / 2);
    expect(timeUp).toEqual([a]);
    expect(wait.waits(a)).toBe(false);
    expect(wait.waits(b)).toBe(true);
    vi.advanceTimersByTime(PICTURE_WAIT_MS / 2);
    expect(timeUp).toEqual([a, b]);
  });
});
