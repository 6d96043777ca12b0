// No user-visible text is written straight into a component: JSX text and the
// title / aria-label / placeholder / alt / label attributes of every .tsx in src/
// must come from t(). Found with the TypeScript parser, not a regex.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-roledescription', 'placeholder', 'alt', 'label', 'aria-placeholder', 'aria-valuetext']);
/** Letters of any script (Latin, CJK…): text with none of them (symbols, "·", "—", "#") is not language. */
const HAS_WORDS = /\p{L}/u;
/**
 * Deliberate exceptions, as "file:text". Keep this list short and explained.
 */
const ALLOWLIST = new Set<string>([]);
/** Language names (and their short forms on a language switch) are written in their own language whatever the UI language. */
const ENDONYMS = new Set(['中文', '简体中文', '中', 'English', 'EN']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsxFiles(p);
    return name.endsWith('.tsx') ? [p] : [];
  });
}

/** Returns the hard-coded visible strings of one .tsx source. */
export function hardcodedStrings(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const literalText = (e: ts.Expression | undefined): string | null => {
    if (!e) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isJsxExpression(e)) return literalText(e.expression);
    if (ts.isParenthesizedExpression(e)) return literalText(e.expression);
    if (ts.isConditionalExpression(e)) return literalText(e.whenTrue) ?? literalText(e.whenFalse);
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text && HAS_WORDS.test(text)) found.push(text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (VISIBLE_ATTRIBUTES.has(name)) {
        const text = literalText(node.initializer as ts.Expression | undefined);
        if (text && HAS_WORDS.test(text)) found.push(`${name}="${text}"`);
      }
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      // {'Some text'} or {cond ? 'A' : 'B'} as a child.
      const text = literalText(node.expression);
      if (text && HAS_WORDS.test(text)) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no hard-coded user-visible strings in components', () => {
  test('the scanner finds text, attributes and literal children, and ignores t() and symbols', () => {
    const src = `const A = () => <div title="Hello" aria-label={t('x')}>Start now<span>{'还款'}</span>{t('ok')} · — <img alt="" /><input placeholder={cond ? 'Type' : t('y')} /></div>;`;
    expect(hardcodedStrings('a.tsx', src)).toEqual(['title="Hello"', 'Start now', '还款', 'placeholder="Type"']);
  });

  test('src/**/*.tsx has none outside the allowlist', () => {
    const problems: string[] = [];
    for (const file of tsxFiles(join(ROOT, 'src'))) {
      const rel = relative(ROOT, file);
      for (const text of hardcodedStrings(file, readFileSync(file, 'utf8'))) {
        if (!ALLOWLIST.has(`${rel}:${text}`) && !ENDONYMS.has(text)) problems.push(`${rel}: ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
