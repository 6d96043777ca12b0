import { expect, test } from 'vitest';
import type { Entry } from '../../../src/lib/evidence/types';
import { lastAgentTurn, mergeEntries } from '../../../src/sidebar/logic/entries';

const e = (seq: number, speaker: Entry['speaker'], kind: Entry['kind'] = 'message', text = `t${seq}`): Entry => ({
  seq,
  at: '2026-11-25T12:00:00.000Z',
  kind,
  speaker,
  author: null,
  text,
  ref: kind === 'message' || kind === 'note' ? null : 0,
  prev: 'p',
  hash: `h${seq}`,
});

test('mergeEntries keeps one entry per seq in order, the pushed copy winning', () => {
  const merged = mergeEntries([e(0, 'agent'), e(2, 'user')], [e(1, 'user'), e(2, 'user', 'message', 'new')]);
  expect(merged.map((x) => x.seq)).toEqual([0, 1, 2]);
  expect(merged[2].text).toBe('new');
});

test('mergeEntries with nothing new returns the same array (no re-render)', () => {
  const list = [e(0, 'agent')];
  expect(mergeEntries(list, [])).toBe(list);
});

test('lastAgentTurn follows agent messages and edits, not user messages, notes or recalls', () => {
  expect(lastAgentTurn([])).toBeNull();
  expect(lastAgentTurn([e(0, 'agent'), e(1, 'user')])).toBe(0);
  expect(lastAgentTurn([e(0, 'agent'), e(1, 'agent', 'edit')])).toBe(1);
  expect(lastAgentTurn([e(0, 'agent'), e(1, 'agent', 'remove'), e(2, 'user', 'note')])).toBe(0);
});
