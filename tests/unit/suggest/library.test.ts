import { describe, expect, it } from 'vitest';
import { templateFields } from '../../../src/lib/fill';
import { PROFILE_FIELDS } from '../../../src/lib/profile';
import { BUILTIN_PHRASES } from '../../../src/lib/suggest/phrases';
import { STAGES } from '../../../src/lib/suggest/types';

describe('builtin phrase library', () => {
  it('has at least five phrases per stage per locale', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const stage of STAGES) {
        expect(BUILTIN_PHRASES.filter((p) => p.locale === locale && p.stage === stage).length, `${locale} ${stage}`).toBeGreaterThanOrEqual(5);
      }
    }
    expect(BUILTIN_PHRASES.length).toBeGreaterThanOrEqual(120);
  });

  it('has unique, stable ids naming locale and stage', () => {
    const ids = BUILTIN_PHRASES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of BUILTIN_PHRASES) expect(p.id).toMatch(new RegExp(`^${p.locale === 'zh-CN' ? 'zh' : 'en'}-${p.stage}-\\d+$`));
    expect(ids).toContain('zh-request-deferral-1');
  });

  it('uses only known fill-in fields, with balanced braces', () => {
    for (const p of BUILTIN_PHRASES) {
      const names = [...p.text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
      for (const n of names) expect(PROFILE_FIELDS as readonly string[], `${p.id}: {${n}}`).toContain(n);
      expect(p.text.replace(/\{[a-zA-Z]+\}/g, ''), p.id).not.toMatch(/[{}]/);
      expect(p.origin).toBe('builtin');
    }
    // The library as a whole uses every field.
    expect(new Set(BUILTIN_PHRASES.flatMap((p) => templateFields(p.text)))).toEqual(new Set(PROFILE_FIELDS));
  });

  it('writes Chinese phrases in Chinese and English ones in English', () => {
    for (const p of BUILTIN_PHRASES) {
      if (p.locale === 'zh-CN') expect(p.text, p.id).toMatch(/[\u4e00-\u9fff]/);
      else expect(p.text, p.id).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('holds no threats or legal claims', () => {
    const banned = /起诉|律师|法院|投诉你们|曝光|sue|lawyer|court|legally|illegal|违法|threat/i;
    for (const p of BUILTIN_PHRASES) expect(p.text, p.id).not.toMatch(banned);
  });
});
