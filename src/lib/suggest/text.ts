// Text helpers shared by the cue detector and the ranker: locale detection,
// normalisation (full-width → half-width, lower case), light English stemming and
// tokenising (Intl.Segmenter words for Chinese, stemmed words for English).
import type { Locale } from '../messages';

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_RE = /[A-Za-z]/g;

/** zh-CN when the text is mostly Chinese characters, else en (also for empty text). */
export function detectLocale(text: string): Locale {
  const cjk = text.match(CJK_RE)?.length ?? 0;
  if (cjk === 0) return 'en';
  const latin = text.match(LATIN_RE)?.length ?? 0;
  // A Chinese character carries about as much as a short English word.
  return cjk * 3 >= latin ? 'zh-CN' : 'en';
}

/** Full-width ASCII to half-width, curly quotes to straight, lower case, single spaces. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Spelling variants and chat shorthand folded before stemming, so "installment" and "instalment" meet.
const EN_VARIANTS: Record<string, string> = {
  installment: 'instalment',
  installments: 'instalment',
  instalments: 'instalment',
  cancelled: 'cancel',
  canceled: 'cancel',
  ok: 'okay',
  // "noted" and "note" would otherwise stem to "not", a negation.
  noted: 'note',
  notes: 'note',
  noting: 'note',
  pls: 'please',
  plz: 'please',
  // Chat shorthand agents type.
  acct: 'account',
  accts: 'account',
  amt: 'amount',
  bal: 'balance',
  pmt: 'payment',
  pymt: 'payment',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  thx: 'thanks',
  u: 'you',
  ur: 'your',
};

/** A light English stemmer: enough that fee/fees, charged/charging, days/day meet. */
export function stemEn(word: string): string {
  const w = EN_VARIANTS[word] ?? word;
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) return stemEn(w.slice(0, -2));
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return undouble(w.endsWith('ied') ? w.slice(0, -3) + 'y' : w.slice(0, -2));
  if (w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

// "charged" → "charg" and "charge" → "charge" must meet, as must "stopped" and "stop":
// drop a final "e" everywhere and undo doubled consonants.
function undouble(stem: string): string {
  return /([bdfglmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** Stem plus the final-e fold, the form English cue terms are compared in. */
export function enKey(word: string): string {
  const s = stemEn(word);
  return s.length > 3 && s.endsWith('e') && s !== 'note' ? s.slice(0, -1) : s;
}

const EN_WORD_RE = /[a-z0-9]+(?:'[a-z]+)?|\$?\d[\d,.]*/g;

/** English words of a normalised text, with contractions split the way cues spell them. */
export function enWords(normalised: string): string[] {
  const out: string[] = [];
  for (const raw of normalised.match(EN_WORD_RE) ?? []) {
    if (raw.endsWith("n't")) {
      out.push(raw === "can't" ? 'can' : raw === "won't" ? 'will' : raw.slice(0, -3), 'not');
    } else if (/'(m|re|ve|ll|d)$/.test(raw)) {
      out.push(raw.slice(0, raw.indexOf("'")));
    } else out.push(raw);
  }
  return out;
}

let zhSegmenter: Intl.Segmenter | null = null;

/** Chinese words by Intl.Segmenter (created once: constructing it is the slow part). */
export function segmentZh(text: string): string[] {
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of zhSegmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Search tokens of a text: segmented words for Chinese, stemmed words for English. */
export function tokenise(text: string, locale: Locale = detectLocale(text)): string[] {
  const norm = normaliseText(text);
  if (locale === 'zh-CN') return segmentZh(norm).map((w) => (/^[a-z]/.test(w) ? enKey(w) : w));
  return enWords(norm).map(enKey);
}
