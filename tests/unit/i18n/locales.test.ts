// The two locales are complete and consistent, and every key the code names exists.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Messages } from '../../../src/lib/i18n';

const ROOT = resolve(__dirname, '../../..');
const load = (dir: string) => JSON.parse(readFileSync(join(ROOT, 'extension/_locales', dir, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const zh = load('zh_CN');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Placeholder names a message uses ($name$), lower-cased, sorted. */
function placeholdersUsed(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
}

describe('locales', () => {
  test('en and zh_CN have exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  test('every message is non-empty and its $name$ references are declared placeholders', () => {
    for (const [name, messages] of [
      ['en', en],
      ['zh_CN', zh],
    ] as const) {
      for (const [key, entry] of Object.entries(messages)) {
        expect(entry.message.trim(), `${name}:${key}`).not.toBe('');
        const declared = Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase());
        for (const p of placeholdersUsed(entry.message)) expect(declared, `${name}:${key} uses $${p}$`).toContain(p);
      }
    }
  });

  test('both locales take the same substitutions for each key', () => {
    const subs = (e: Messages[string]) => Object.values(e.placeholders ?? {}).map((p) => p.content).sort();
    for (const key of Object.keys(en)) expect(subs(zh[key] ?? { message: '' }), key).toEqual(subs(en[key]));
  });

  test('key names are valid WebExtension message names', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  test('every message key named in src/ exists (t("…") calls and key constants)', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*['"]([A-Za-z0-9_@]+)['"]/g)) used.set(m[1], file);
      // Keys kept in tables (e.g. speaker → key) are string literals with a UI prefix.
      for (const m of text.matchAll(/['"]((?:common|popup|viewer|settings)_[a-z0-9_]+)['"]/g)) used.set(m[1], file);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([k]) => !(k in en)).map(([k, f]) => `${k} (${f.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });
});
