// createTranslator follows browser.i18n.getMessage's substitution rules; locale resolution and loading.
import { describe, expect, test } from 'vitest';
import { createTranslator, loadMessages, localeDir, resolveLocale, type Messages } from '../../../src/lib/i18n';

const messages: Messages = {
  plain: { message: 'Hello' },
  named: { message: 'Broken at seq $seq$ in $File$', placeholders: { seq: { content: '$1' }, file: { content: '“$2”' } } },
  numbered: { message: '$1 of $2' },
  dollars: { message: 'Costs $$5 for $1' },
};

describe('createTranslator', () => {
  const { t, locale } = createTranslator(messages, 'en');
  test('returns plain messages and keeps the locale', () => {
    expect(t('plain')).toBe('Hello');
    expect(locale).toBe('en');
  });
  test('fills named placeholders (case-insensitive names) from their $n content', () => {
    expect(t('named', 7, 'case.json')).toBe('Broken at seq 7 in “case.json”');
  });
  test('fills $n written directly in the message', () => {
    expect(t('numbered', 3, 10)).toBe('3 of 10');
  });
  test('keeps $$ as a literal dollar and empties missing substitutions', () => {
    expect(t('dollars', 'you')).toBe('Costs $5 for you');
    expect(t('numbered')).toBe(' of ');
  });
  test('a missing key shows the key itself', () => {
    expect(t('nope_missing')).toBe('nope_missing');
  });
});

describe('resolveLocale', () => {
  test('an explicit setting wins over the browser', () => {
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
  });
  test('auto follows the browser UI language, Chinese variants to zh-CN, others to en', () => {
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('auto', 'fr')).toBe('en');
    expect(resolveLocale('auto', undefined)).toBe('en');
  });
});

describe('loadMessages', () => {
  test('fetches the locale folder of _locales through getURL', async () => {
    const asked: string[] = [];
    const fakeFetch = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ plain: { message: '你好' } }));
    }) as unknown as typeof fetch;
    const m = await loadMessages('zh-CN', (p) => `chrome-extension://x/${p}`, fakeFetch);
    expect(asked).toEqual(['chrome-extension://x/_locales/zh_CN/messages.json']);
    expect(m.plain.message).toBe('你好');
    expect(localeDir('en')).toBe('en');
  });
  test('rejects when the file is missing', async () => {
    const fakeFetch = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    await expect(loadMessages('en', (p) => p, fakeFetch)).rejects.toThrow(/404/);
  });
});
