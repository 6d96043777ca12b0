import { describe, expect, it } from 'vitest';
import { emptyProfile } from '../../../src/lib/profile';
import { BUILTIN_PHRASES } from '../../../src/lib/suggest/phrases';
import { suggest } from '../../../src/lib/suggest/rank';
import type { Phrase } from '../../../src/lib/suggest/types';

const refusalZh = [{ speaker: 'agent' as const, text: '很抱歉，暂时无法为您办理延期还款。' }];
const profile = { ...emptyProfile(), name: '张伟', proposedDate: '2025-07-15' };

describe('suggest', () => {
  it('returns filled phrases of the best stages, best first, in the asked locale', () => {
    const r = suggest({ phrases: BUILTIN_PHRASES, transcript: refusalZh, profile, locale: 'zh-CN' });
    expect(r.suggestions).toHaveLength(5);
    expect(r.stages[0]).toBe('persist');
    expect(r.suggestions.slice(0, 3).every((s) => s.stage === 'persist')).toBe(true);
    expect(r.suggestions.map((s) => s.stage)).toContain('propose-instalments');
    expect(r.suggestions.every((s) => s.id.startsWith('zh-'))).toBe(true);
    for (const s of r.suggestions) expect(s.text).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(r.suggestions.every((s) => typeof s.template === 'string' && s.pinned === false)).toBe(true);
  });

  it('fills from the profile and leaves placeholders for what is unknown', () => {
    const r = suggest({ phrases: BUILTIN_PHRASES, transcript: [], profile, locale: 'zh-CN', limit: 12 });
    const withName = r.suggestions.find((s) => s.template?.includes('{name}'));
    expect(withName?.text).toContain('张伟');
    expect(r.suggestions.some((s) => s.text.includes('【'))).toBe(true);
  });

  it('ranks pinned, then user phrases first within a fitting stage', () => {
    const phrases: Phrase[] = [
      ...BUILTIN_PHRASES,
      { id: 'u1', stage: 'persist', locale: 'zh-CN', text: '我自己的坚持话术', origin: 'user' },
      { id: 'u2', stage: 'persist', locale: 'zh-CN', text: '我置顶的话术', origin: 'user', pinned: true },
      { id: 'u3', stage: 'closing', locale: 'zh-CN', text: '别的阶段的话术', origin: 'user', pinned: true },
    ];
    const r = suggest({ phrases, transcript: refusalZh, profile, locale: 'zh-CN' });
    expect(r.suggestions.slice(0, 2).map((s) => s.id)).toEqual(['u2', 'u1']);
    expect(r.suggestions[0].pinned).toBe(true);
    expect(r.suggestions.map((s) => s.id)).not.toContain('u3');
  });

  it('hides a builtin phrase that a user phrase replaces', () => {
    const replaced = BUILTIN_PHRASES.find((p) => p.id === 'zh-persist-1')!;
    const phrases: Phrase[] = [...BUILTIN_PHRASES, { id: 'u-edit', stage: 'persist', locale: 'zh-CN', text: replaced.text + '（我改过）', origin: 'user', replaces: replaced.id }];
    const r = suggest({ phrases, transcript: refusalZh, profile, locale: 'zh-CN', limit: 20 });
    const ids = r.suggestions.map((s) => s.id);
    expect(ids).toContain('u-edit');
    expect(ids).not.toContain('zh-persist-1');
    // Without the edit the builtin is offered.
    expect(suggest({ phrases: BUILTIN_PHRASES, transcript: refusalZh, profile, locale: 'zh-CN', limit: 20 }).suggestions.map((s) => s.id)).toContain('zh-persist-1');
  });

  it('filters the whole library by a query, across stages', () => {
    const zh = suggest({ phrases: BUILTIN_PHRASES, transcript: refusalZh, profile, locale: 'zh-CN', limit: 50, query: '工号' });
    expect(zh.suggestions.length).toBeGreaterThan(0);
    expect(zh.suggestions.every((s) => s.template!.includes('工号'))).toBe(true);
    const en = suggest({ phrases: BUILTIN_PHRASES, transcript: [], profile, locale: 'en', limit: 50, query: 'late FEES' });
    expect(en.suggestions.length).toBeGreaterThan(0);
    expect(en.suggestions.every((s) => s.stage === 'fees-credit' || s.stage === 'confirm-terms')).toBe(true);
    const stages = new Set(suggest({ phrases: BUILTIN_PHRASES, transcript: [], profile, locale: 'en', limit: 50, query: 'instalment' }).suggestions.map((s) => s.stage));
    expect(stages.size).toBeGreaterThan(1);
    expect(suggest({ phrases: BUILTIN_PHRASES, transcript: [], profile, locale: 'en', query: 'zzzz-nothing' }).suggestions).toEqual([]);
    // Several words: each must be found, in any order.
    const both = suggest({ phrases: BUILTIN_PHRASES, transcript: [], profile, locale: 'zh-CN', limit: 50, query: '罚息 减免' });
    expect(both.suggestions.length).toBeGreaterThan(0);
    expect(both.suggestions.every((s) => s.template!.includes('罚息') && s.template!.includes('减免'))).toBe(true);
  });

  it('prefers, within a stage, the phrase that answers what the agent asked', () => {
    const r = suggest({ phrases: BUILTIN_PHRASES, transcript: [{ speaker: 'agent', text: '麻烦提供一下您的姓名和注册手机号。' }], profile, locale: 'zh-CN' });
    expect(r.suggestions[0].stage).toBe('identify');
    expect(r.suggestions[0].template).toMatch(/\{name\}.*\{phone\}/);
  });

  it('reads the chat in its own language even when phrases are asked for in another', () => {
    const r = suggest({ phrases: BUILTIN_PHRASES, transcript: refusalZh, profile, locale: 'en' });
    expect(r.stages[0]).toBe('persist');
    expect(r.suggestions.every((s) => s.id.startsWith('en-'))).toBe(true);
  });

  it('gives the same answer for a fresh copy of the library (content cache)', () => {
    const a = suggest({ phrases: BUILTIN_PHRASES, transcript: refusalZh, profile, locale: 'zh-CN' });
    const copy = BUILTIN_PHRASES.map((p) => ({ ...p }));
    expect(suggest({ phrases: copy, transcript: refusalZh, profile, locale: 'zh-CN' })).toEqual(a);
    // A changed library is a new array (arrays are cached by identity, so never mutate one in place).
    const changed = copy.map((p, i) => (i === 0 ? { ...p, pinned: true, stage: 'persist' as const } : p));
    expect(suggest({ phrases: changed, transcript: refusalZh, profile, locale: 'zh-CN' }).suggestions[0].id).toBe(changed[0].id);
  });

  it('honours the limit', () => {
    expect(suggest({ phrases: BUILTIN_PHRASES, transcript: [], profile, locale: 'en', limit: 2 }).suggestions).toHaveLength(2);
    expect(suggest({ phrases: BUILTIN_PHRASES, transcript: [], profile, locale: 'en', limit: 0 }).suggestions).toHaveLength(0);
  });
});
