import { describe, expect, test } from 'vitest';
import { judgeReplay, skipCountForRecent } from '../../../src/content/capture/recent';

const m = (...texts: string[]) => texts.map((t) => ({ speaker: t.startsWith('u') ? 'user' : 'agent', text: t }));

describe('skipCountForRecent', () => {
  test('the whole recorded tail on screen, then new messages', () => {
    expect(skipCountForRecent(m('a0', 'u1', 'a2', 'u3', 'new'), m('a2', 'u3'))).toBe(4);
  });
  test('screen begins with the end of the recorded tail', () => {
    expect(skipCountForRecent(m('u3', 'a4', 'new'), m('a0', 'u1', 'a2', 'u3', 'a4'))).toBe(2);
  });
  test('nothing in common', () => {
    expect(skipCountForRecent(m('x', 'y'), m('a', 'b'))).toBe(0);
  });
  test('one common short message in the middle of the screen does not hide what precedes it', () => {
    expect(skipCountForRecent(m('x', 'y', 'ok', 'z'), m('a', 'b', 'ok'))).toBe(0);
  });
  test('a repeated run: the last occurrence wins', () => {
    expect(skipCountForRecent(m('a', 'b', 'c', 'a', 'b', 'c', 'new'), m('a', 'b', 'c'))).toBe(6);
  });
});

describe('judgeReplay', () => {
  test('nothing recorded before: decided at once, nothing skipped', () => {
    expect(judgeReplay(m('a'), [])).toEqual({ skip: 0, decided: true });
  });
  test('the page is still re-showing history: wait', () => {
    expect(judgeReplay(m('a0', 'u1'), m('a0', 'u1', 'a2'))).toEqual({ skip: 2, decided: false });
  });
  test('the recorded tail was re-shown: decided, skip it', () => {
    expect(judgeReplay(m('a0', 'u1', 'a2'), m('a0', 'u1', 'a2'))).toEqual({ skip: 3, decided: true });
    expect(judgeReplay(m('a0', 'u1', 'a2', 'new'), m('a0', 'u1', 'a2'))).toEqual({ skip: 3, decided: true });
  });
  test('an unrelated message: decided, nothing skipped', () => {
    expect(judgeReplay(m('zzz'), m('a0', 'u1'))).toEqual({ skip: 0, decided: true });
  });
});
