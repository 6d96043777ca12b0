import { describe, expect, test } from 'vitest';
import {
  DEFAULT_LAUNCHER,
  DEFAULT_WIDTH,
  isDrag,
  LAUNCHER_SIZE,
  launcherRect,
  MAX_WIDTH,
  MIN_WIDTH,
  parseHostPrefs,
  positionFromDrop,
  sidebarWidth,
} from '../../../src/content/sidebar-host/layout';

const vp = { width: 1280, height: 800 };

describe('parseHostPrefs', () => {
  test('nothing stored gives the defaults', () => {
    expect(parseHostPrefs(undefined)).toEqual({ launcher: DEFAULT_LAUNCHER, width: DEFAULT_WIDTH });
  });
  test('junk is replaced field by field, numbers are clamped', () => {
    expect(parseHostPrefs({ launcher: { x: 'a', y: 3 }, width: 99999 })).toEqual({ launcher: { x: DEFAULT_LAUNCHER.x, y: 1 }, width: MAX_WIDTH });
    expect(parseHostPrefs({ launcher: { x: 0.2, y: 0.3 }, width: 10 })).toEqual({ launcher: { x: 0.2, y: 0.3 }, width: MIN_WIDTH });
  });
});

describe('launcherRect', () => {
  test('the default sits on the right edge, above the middle, clear of a bottom chat input', () => {
    const r = launcherRect(DEFAULT_LAUNCHER, vp);
    expect(r.left).toBe(vp.width - LAUNCHER_SIZE - 4);
    expect(r.top + LAUNCHER_SIZE).toBeLessThan(vp.height * 0.6);
  });
  test('always fully inside the viewport', () => {
    for (const pos of [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 0.5, y: 0.5 }]) {
      const r = launcherRect(pos, { width: 300, height: 200 });
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.top).toBeGreaterThanOrEqual(0);
      expect(r.left + LAUNCHER_SIZE).toBeLessThanOrEqual(300);
      expect(r.top + LAUNCHER_SIZE).toBeLessThanOrEqual(200);
    }
  });
});

describe('positionFromDrop', () => {
  test('round-trips through launcherRect', () => {
    const pos = positionFromDrop(400, 300, vp);
    expect(launcherRect(pos, vp)).toEqual({ left: 400, top: 300 });
  });
  test('snaps to the nearest side edge when dropped close to it', () => {
    expect(positionFromDrop(vp.width - 50, 100, vp).x).toBe(1);
    expect(positionFromDrop(2, 100, vp).x).toBe(0);
  });
  test('a drop outside the viewport stays within 0..1', () => {
    const p = positionFromDrop(-500, 5000, vp);
    expect(p).toEqual({ x: 0, y: 1 });
  });
});

describe('sidebarWidth', () => {
  test('keeps the remembered width when it fits', () => {
    expect(sidebarWidth(420, 1280)).toBe(420);
  });
  test('leaves some of the page visible on a narrow window', () => {
    expect(sidebarWidth(700, 600)).toBe(520);
  });
  test('never narrower than the minimum unless the window is', () => {
    expect(sidebarWidth(100, 1280)).toBe(MIN_WIDTH);
    expect(sidebarWidth(400, 250)).toBe(250);
  });
});

test('isDrag needs more than a few pixels', () => {
  expect(isDrag(2, 2)).toBe(false);
  expect(isDrag(6, 0)).toBe(true);
});
