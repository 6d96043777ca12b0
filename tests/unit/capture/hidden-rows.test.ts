// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HIDDEN_POLL_MS, HIDDEN_WATCH_MS, HiddenRows } from '../../../src/content/capture/hidden-rows';

let hidden: Set<Element>;
let shown: Element[];
let rows: HiddenRows;

const row = () => document.body.appendChild(document.createElement('div'));

beforeEach(() => {
  vi.useFakeTimers();
  hidden = new Set();
  shown = [];
  rows = new HiddenRows({ isHidden: (r) => hidden.has(r), shown: (r) => void shown.push(r), now: () => Date.now() });
});

afterEach(() => {
  rows.clear();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('HiddenRows', () => {
  test('a watched row is handed back once, within a poll of being shown; rows still hidden are not', () => {
    const a = row();
    const b = row();
    hidden.add(a).add(b);
    rows.add(a);
    rows.add(b);
    vi.advanceTimersByTime(HIDDEN_POLL_MS * 3);
    expect(shown).toEqual([]);
    hidden.delete(a);
    vi.advanceTimersByTime(HIDDEN_POLL_MS);
    expect(shown).toEqual([a]);
    vi.advanceTimersByTime(HIDDEN_POLL_MS * 3);
    expect(shown).toEqual([a]);
  });

  test('a row gone from the page, or hidden for longer than the watch, is dropped; the timer stops with the last row', () => {
    const gone = row();
    const stays = row();
    hidden.add(gone).add(stays);
    rows.add(gone);
    rows.add(stays);
    gone.remove();
    hidden.delete(gone);
    vi.advanceTimersByTime(HIDDEN_POLL_MS);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(HIDDEN_WATCH_MS);
    expect(vi.getTimerCount()).toBe(0);
    hidden.delete(stays);
    vi.advanceTimersByTime(HIDDEN_POLL_MS);
    expect(shown).toEqual([]);
  });

  test('clear stops watching', () => {
    const a = row();
    hidden.add(a);
    rows.add(a);
    rows.clear();
    hidden.delete(a);
    vi.advanceTimersByTime(HIDDEN_POLL_MS * 2);
    expect(shown).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
