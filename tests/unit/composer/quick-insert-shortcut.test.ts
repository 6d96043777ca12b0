import { describe, expect, test } from 'vitest';
import { comboOfEvent, matchesShortcut, normalizeShortcut } from '../../../src/lib/shortcut';

const key = (code: string, key: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  code,
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('normalizeShortcut', () => {
  test.each([
    ['Alt+Q', 'Alt+Q'],
    ['alt + q', 'Alt+Q'],
    ['Shift+Ctrl+k', 'Ctrl+Shift+K'],
    ['Cmd+Option+1', 'Alt+Meta+1'],
    ['Q', null],
    ['Shift+Q', null],
    ['Alt+Q+W', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeShortcut(input)).toBe(expected);
  });
});

describe('matchesShortcut', () => {
  test('Alt+Q matches by physical key even when the layout types another character (macOS: œ)', () => {
    expect(matchesShortcut(key('KeyQ', 'œ', { altKey: true }), 'Alt+Q')).toBe(true);
    expect(matchesShortcut(key('KeyQ', 'q', { altKey: true }), 'Alt+Q')).toBe(true);
  });

  test('extra or missing modifiers do not match', () => {
    expect(matchesShortcut(key('KeyQ', 'q'), 'Alt+Q')).toBe(false);
    expect(matchesShortcut(key('KeyQ', 'Q', { altKey: true, shiftKey: true }), 'Alt+Q')).toBe(false);
    expect(matchesShortcut(key('KeyW', 'w', { altKey: true }), 'Alt+Q')).toBe(false);
  });

  test('modifier-only presses describe no combination', () => {
    expect(comboOfEvent(key('AltLeft', 'Alt', { altKey: true }))).toBeNull();
    expect(comboOfEvent(key('Space', ' ', { ctrlKey: true }))).toBe('Ctrl+ ');
    expect(matchesShortcut(key('F2', 'F2', { ctrlKey: true }), 'Ctrl+F2')).toBe(true);
  });
});
