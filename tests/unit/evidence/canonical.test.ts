import { describe, expect, it } from 'vitest';
import { canonicalEntry } from '../../../src/lib/evidence/canonical';
import type { EntryBody } from '../../../src/lib/evidence/types';

const body: EntryBody = {
  seq: 7,
  at: '2026-11-25T12:00:00.000Z',
  kind: 'message',
  speaker: 'agent',
  author: null,
  text: '您好，请稍等 "quoted" \\ back\nline',
  ref: null,
};

describe('canonicalEntry', () => {
  it('writes the seven fields in order, with no spaces', () => {
    expect(canonicalEntry(body)).toBe('[7,"2026-11-25T12:00:00.000Z","message","agent",null,"您好，请稍等 \\"quoted\\" \\\\ back\\nline",null]');
  });

  it('keeps non-ASCII characters as they are (no \\u escapes)', () => {
    const s = canonicalEntry({ ...body, text: '延期 💳 café' });
    expect(s).toContain('延期 💳 café');
    expect(s).not.toMatch(/\\u[0-9a-f]{4}/i);
  });

  it('writes null for an absent author or ref and keeps given ones', () => {
    const loose = { ...body, author: undefined, ref: undefined } as unknown as EntryBody;
    expect(canonicalEntry(loose)).toBe(canonicalEntry(body));
    expect(canonicalEntry({ ...body, kind: 'edit', author: '小李', ref: 3 })).toBe(
      '[7,"2026-11-25T12:00:00.000Z","edit","agent","小李","您好，请稍等 \\"quoted\\" \\\\ back\\nline",3]',
    );
  });

  it('ignores fields outside the body', () => {
    const withExtras = { ...body, prev: 'x', hash: 'y', key: 'k1' } as EntryBody;
    expect(canonicalEntry(withExtras)).toBe(canonicalEntry(body));
  });
});
