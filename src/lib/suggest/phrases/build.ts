// Turns a per-stage list of template texts into Phrase records with stable ids
// ("zh-request-deferral-3"), so the phrase files stay plain readable text.
import type { Locale } from '../../messages';
import type { Phrase, Stage } from '../types';

/** Builtin phrase texts of one locale, stage by stage, in the order they are offered. */
export type PhraseTexts = Record<Stage, readonly string[]>;

export function buildPhrases(locale: Locale, prefix: string, texts: PhraseTexts): Phrase[] {
  const out: Phrase[] = [];
  for (const [stage, list] of Object.entries(texts) as [Stage, readonly string[]][]) {
    list.forEach((text, i) => out.push({ id: `${prefix}-${stage}-${i + 1}`, stage, locale, text, origin: 'builtin' }));
  }
  return out;
}
