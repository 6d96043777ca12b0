// Every sidebar_ message the sidebar and its host (its labels: lib/page-look.ts) use exists in both locales, and
// both locales have the same sidebar_ keys, none of them empty.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { STAGES } from '../../../src/lib/suggest/types';
import { stageKey } from '../../../src/sidebar/logic/stage-key';

const ROOT = resolve(__dirname, '../../..');
const load = (dir: string) => JSON.parse(readFileSync(join(ROOT, 'extension/_locales', dir, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const zh = load('zh_CN');
const sidebarKeys = (m: Record<string, unknown>) => Object.keys(m).filter((k) => k.startsWith('sidebar_')).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [readFileSync(p, 'utf8')] : [];
  });
}

/** Keys built at run time from a prefix and a value. */
const DYNAMIC = [
  ...STAGES.map(stageKey),
  ...['suggest', 'transcript', 'case', 'phrases'].map((p) => `sidebar_tab_${p}`),
  ...['deferral', 'instalments', 'other'].map((k) => `sidebar_agreement_kind_${k}`),
  ...['amount', 'due_date_invalid', 'due_date_missing'].map((k) => `sidebar_agreement_error_${k}`),
  ...['json', 'format', 'empty'].map((k) => `sidebar_import_error_${k}`),
];

test('both locales have the same sidebar_ keys, all with text', () => {
  expect(sidebarKeys(zh)).toEqual(sidebarKeys(en));
  for (const k of sidebarKeys(en)) {
    expect(en[k].message.trim(), k).not.toBe('');
    expect(zh[k].message.trim(), k).not.toBe('');
    // Same substitutions in both languages, so no value is lost in translation.
    expect(zh[k].message.match(/\$\d/g)?.sort() ?? [], k).toEqual(en[k].message.match(/\$\d/g)?.sort() ?? []);
  }
});

test('every sidebar_ key the code uses exists, and every sidebar_ key is used', () => {
  // The host's labels are named in lib/page-look.ts (the background translates them).
  const code = [...sources(join(ROOT, 'src/sidebar')), ...sources(join(ROOT, 'src/content/sidebar-host')), readFileSync(join(ROOT, 'src/lib/page-look.ts'), 'utf8')].join('\n');
  const used = new Set([...code.matchAll(/'(sidebar_[a-z0-9_]+)'/g)].map((m) => m[1]));
  for (const k of DYNAMIC) used.add(k);
  const missing = [...used].filter((k) => !(k in en));
  expect(missing).toEqual([]);
  const unused = sidebarKeys(en).filter((k) => !used.has(k));
  expect(unused).toEqual([]);
});

test('the case form shows every profile field exactly once', async () => {
  const { PROFILE_FIELDS } = await import('../../../src/lib/profile');
  const src = readFileSync(join(ROOT, 'src/sidebar/panels/case/profile-form.tsx'), 'utf8');
  const order = JSON.parse(/FORM_ORDER: ProfileField\[\] = (\[[^\]]*\])/.exec(src)![1].replace(/'/g, '"')) as string[];
  expect([...order].sort()).toEqual([...PROFILE_FIELDS].sort());
});
