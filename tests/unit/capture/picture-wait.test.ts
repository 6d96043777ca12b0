// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PICTURE_WAIT_MS, PictureWait } from '../../../src/content/capture/picture-wait';

let timeUp: Element[];
let wait: PictureWait;

const row = () => document.createElement('div');
const picture = (lazy = false) => {
  const img = document.createElement('img');
  if (lazy) img.setAttribute('loading', 'lazy');
  return img;
};

beforeEach(() => {
  vi.useFakeTimers();
  timeUp = [];
  wait = new PictureWait({ timeUp: (r) => void timeUp.push(r), now: () => Date.now() });
});

afterEach(() => vi.useRealTimers());

describe('PictureWait', () => {
  test('a row waits from the first time it is asked about, for PICTURE_WAIT_MS, then is handed back once, its words alone for good', () => {
    const r = row();
    const img = picture();
    expect(wait.waits(r, img, true)).toBe(true);
    vi.advanceTimersByTime(PICTURE_WAIT_MS - 100);
    expect(wait.waits(r, img, true)).toBe(true);
    expect(timeUp).toEqual([]);
    expect(wait.wordsAlone(r)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(timeUp).toEqual([r]);
    expect(wait.waits(r, img, true)).toBe(false);
    expect(wait.wordsAlone(r)).toBe(true);
    vi.advanceTimersByTime(PICTURE_WAIT_MS * 3);
    expect(timeUp).toEqual([r]);
  });

  test('each row has its own wait', () => {
    const [a, b] = [row(), row()];
    wait.waits(a, picture(), true);
    vi.advanceTimersByTime(PICTURE_WAIT_MS / 2);
    wait.waits(b, picture(), true);
    vi.advanceTimersByTime(PICTURE_WAIT_MS / 2);
    expect(timeUp).toEqual([a]);
    expect(wait.waits(a, picture(), true)).toBe(false);
    expect(wait.waits(b, picture(), true)).toBe(true);
    vi.advanceTimersByTime(PICTURE_WAIT_MS / 2);
    expect(timeUp).toEqual([a, b]);
  });

  test('a row waits only while it is the last: one drawn after it ends the wait, for good', () => {
    const r = row();
    expect(wait.waits(r, picture(), true)).toBe(true);
    expect(wait.take()).toEqual([r]);
    expect(wait.take()).toEqual([]);
    expect(wait.waits(r, picture(), true)).toBe(true);
    expect(wait.waits(r, picture(), false)).toBe(false);
    expect(wait.wordsAlone(r)).toBe(true);
    expect(wait.take()).toEqual([]);
    expect(wait.waits(r, picture(), true)).toBe(false);
  });

  test('a lazy picture is not waited for: the words are alone at once', () => {
    const r = row();
    expect(wait.waits(r, picture(true), true)).toBe(false);
    expect(wait.wordsAlone(r)).toBe(true);
    vi.advanceTimersByTime(PICTURE_WAIT_MS * 2);
    expect(timeUp).toEqual([]);
  });
});
