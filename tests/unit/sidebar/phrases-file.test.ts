import { expect, test } from 'vitest';
import type { Phrase } from '../../../src/lib/suggest/types';
import { editedPhrase, filterPhrases, importPlan, parsePhrasesFile, phrasesFile, PHRASES_FILE_FORMAT } from '../../../src/sidebar/logic/phrases-file';

let n = 0;
const makeId = () => `gen-${++n}`;
const now = new Date('2026-11-25T12:00:00.000Z');
const builtin: Phrase = { id: 'zh-CN-open-1', stage: 'open', locale: 'zh-CN', text: '您好，我想申请延期', origin: 'builtin' };
const mine: Phrase = { id: 'user-1', stage: 'persist', locale: 'en', text: 'Could you escalate this, please?', origin: 'user', pinned: true };

test('export keeps only the user’s own phrases and round-trips through import', () => {
  const file = phrasesFile([builtin, mine], now);
  expect(file.format).toBe(PHRASES_FILE_FORMAT);
  expect(file.phrases).toEqual([mine]);
  const back = parsePhrasesFile(JSON.stringify(file), makeId);
  expect(back).toEqual({ ok: true, phrases: [mine], skipped: 0 });
});

test('import rejects what is not a phrases file', () => {
  expect(parsePhrasesFile('{nope', makeId)).toEqual({ ok: false, error: 'json' });
  expect(parsePhrasesFile('{"format":"other","phrases":[]}', makeId)).toEqual({ ok: false, error: 'format' });
  expect(parsePhrasesFile('[{"text":"x","stage":"nonsense","locale":"en"}]', makeId)).toEqual({ ok: false, error: 'empty' });
});

test('import keeps valid phrases as the user’s own, gives ids where missing or bad, counts the skipped', () => {
  const r = parsePhrasesFile(
    JSON.stringify([
      { text: ' Hello ', stage: 'open', locale: 'en', origin: 'builtin', id: 'has space!' },
      { text: '', stage: 'open', locale: 'en' },
      { text: 'x', stage: 'open', locale: 'fr' },
      { text: '你好', stage: 'closing', locale: 'zh-CN', id: 'a', pinned: 'yes' },
      { text: '再见', stage: 'closing', locale: 'zh-CN', id: 'a' },
    ]),
    makeId,
  );
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.skipped).toBe(2);
  expect(r.phrases.map((p) => [p.text, p.origin, p.pinned])).toEqual([
    ['Hello', 'user', undefined],
    ['你好', 'user', undefined],
    ['再见', 'user', undefined],
  ]);
  expect(r.phrases[0].id).toMatch(/^gen-/);
  expect(r.phrases[1].id).toBe('a');
  expect(r.phrases[2].id).not.toBe('a');
});

test('importPlan counts the phrases that would overwrite the user’s existing ones', () => {
  expect(importPlan([mine, { ...mine, id: 'user-2' }], [builtin, mine])).toEqual({ added: 1, replaced: 1 });
  // A builtin phrase with the same id is not "overwritten": user phrases replace builtins through `replaces`.
  expect(importPlan([{ ...mine, id: builtin.id }], [builtin])).toEqual({ added: 1, replaced: 0 });
});

test('filterPhrases matches all words in any order, by stage, pinned first', () => {
  const a: Phrase = { ...mine, id: 'a', pinned: false, text: 'escalate to a supervisor please' };
  const list = [a, mine, builtin];
  expect(filterPhrases(list, { query: 'please ESCALATE', stage: '' }).map((p) => p.id)).toEqual(['user-1', 'a']);
  expect(filterPhrases(list, { query: '', stage: 'open' })).toEqual([builtin]);
  // Unpinned phrases follow the conversation's stage order, whatever order they came in.
  const closing: Phrase = { ...builtin, id: 'c', stage: 'closing' };
  expect(filterPhrases([closing, a, builtin], { query: '', stage: '' }).map((p) => p.id)).toEqual([builtin.id, 'a', 'c']);
});

test('editing a builtin phrase makes the user’s own copy that replaces it; a user phrase changes in place', () => {
  const copy = editedPhrase(builtin, { text: ' 新的话术 ', stage: 'open' }, makeId, now);
  expect(copy).toMatchObject({ origin: 'user', replaces: builtin.id, text: '新的话术', locale: 'zh-CN', updatedAt: now.toISOString() });
  expect(copy.id).not.toBe(builtin.id);
  const same = editedPhrase(mine, { text: mine.text, stage: 'persist', pinned: false }, makeId, now);
  expect(same).toMatchObject({ id: mine.id, pinned: false });
});
