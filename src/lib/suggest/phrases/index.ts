// The builtin phrase library of both locales.
import type { Locale } from '../../messages';
import type { Phrase } from '../types';
import { EN_PHRASES } from './en';
import { ZH_CN_PHRASES } from './zh-cn';

/** Every builtin phrase, zh-CN first. */
export const BUILTIN_PHRASES: readonly Phrase[] = [...ZH_CN_PHRASES, ...EN_PHRASES];

/** The builtin phrases of one locale (a fresh array; the phrase objects are shared). */
export function builtinPhrases(locale: Locale): Phrase[] {
  return BUILTIN_PHRASES.filter((p) => p.locale === locale);
}

export { EN_PHRASES, ZH_CN_PHRASES };
