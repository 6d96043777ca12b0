// Picks the phrases to offer: those of the stages that fit the conversation best,
// filled from the case profile. Within a stage the person's pinned and own phrases
// come first, then the ones closest to what the agent just said. The phrase library
// is indexed once (cached by array identity, then by content), so a call is cheap.
import type { Locale, Suggestion } from '../messages';
import type { Profile, ProfileField } from '../profile';
import { fillPhrase, templateFields } from '../fill';
import { CONCEPTS, type Concept } from './concepts';
import { analyseConversation, transcriptLocale, type TranscriptTurn } from './context';
import { detectCues } from './cues';
import { enKey, normaliseText, tokenise } from './text';
import { STAGES, type Phrase, type Stage } from './types';

export interface SuggestInput {
  /** The library (all locales). Cached by identity: pass a new array when it changes, never mutate one. */
  phrases: readonly Phrase[];
  /** The chat so far, oldest turn first; may be empty. */
  transcript: readonly TranscriptTurn[];
  profile: Profile;
  /** The language of the phrases to offer; by default the transcript's. */
  locale?: Locale;
  limit?: number;
  /** Filters the whole library (all stages) by substring or by all of its space-separated words. */
  query?: string;
}

export interface SuggestResult {
  suggestions: Suggestion[];
  /** Every stage, best fitting first. */
  stages: Stage[];
}

interface IndexedPhrase {
  phrase: Phrase;
  /** 0 pinned, 1 the person's own, 2 builtin: the first sort key within a stage. */
  group: number;
  order: number;
  /** Cue concepts and content words of the phrase: worked out on first use (most phrases are never looked at closely). */
  concepts: Concept[] | null;
  tokens: Set<string> | null;
  search: string;
  fields: ProfileField[];
}

type LibraryIndex = Record<Locale, Record<Stage, IndexedPhrase[]>>;

const byIdentity = new WeakMap<readonly Phrase[], LibraryIndex>();
let lastSnapshot: Phrase[] = [];
let lastIndex: LibraryIndex | null = null;

/** The library's index: by array identity, else by content (the store hands out fresh arrays). */
function indexOf(phrases: readonly Phrase[]): LibraryIndex {
  const known = byIdentity.get(phrases);
  if (known) return known;
  let index = lastIndex;
  if (!index || !sameLibrary(phrases, lastSnapshot)) {
    index = buildIndex(phrases);
    // A copy of the phrases, so a caller mutating its objects later cannot fool the check.
    lastSnapshot = phrases.map((p) => ({ ...p }));
    lastIndex = index;
  }
  byIdentity.set(phrases, index);
  return index;
}

function sameLibrary(a: readonly Phrase[], b: readonly Phrase[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.id !== y.id || x.text !== y.text || x.stage !== y.stage || x.locale !== y.locale || x.origin !== y.origin) return false;
    if (!!x.pinned !== !!y.pinned || (x.replaces ?? '') !== (y.replaces ?? '')) return false;
  }
  return true;
}

function buildIndex(phrases: readonly Phrase[]): LibraryIndex {
  const replaced = new Set(phrases.filter((p) => p.origin === 'user' && p.replaces).map((p) => p.replaces as string));
  const empty = (): Record<Stage, IndexedPhrase[]> => Object.fromEntries(STAGES.map((s) => [s, []])) as unknown as Record<Stage, IndexedPhrase[]>;
  const index: LibraryIndex = { 'zh-CN': empty(), en: empty() };
  phrases.forEach((phrase, order) => {
    if (!index[phrase.locale]?.[phrase.stage]) return; // unknown locale or stage: ignore rather than fail
    if (phrase.origin === 'builtin' && replaced.has(phrase.id)) return;
    index[phrase.locale][phrase.stage].push({
      phrase,
      group: phrase.pinned ? 0 : phrase.origin === 'user' ? 1 : 2,
      order,
      concepts: null,
      tokens: null,
      search: normaliseText(phrase.text),
      fields: templateFields(phrase.text),
    });
  });
  for (const loc of Object.values(index)) for (const list of Object.values(loc)) list.sort((a, b) => a.group - b.group || a.order - b.order);
  return index;
}

function plainText(e: IndexedPhrase): string {
  return e.phrase.text.replace(/\{[A-Za-z]+\}/g, ' ');
}

function conceptsOf(e: IndexedPhrase): Concept[] {
  if (!e.concepts) {
    const report = detectCues(plainText(e), e.phrase.locale);
    e.concepts = CONCEPTS.filter((c) => report.concepts[c] > 0);
  }
  return e.concepts;
}

function tokensOf(e: IndexedPhrase): Set<string> {
  e.tokens ??= new Set(tokenise(plainText(e), e.phrase.locale).filter(isContentToken));
  return e.tokens;
}

const EN_STOP = new Set(['the', 'a', 'an', 'to', 'of', 'and', 'or', 'i', 'you', 'your', 'my', 'me', 'is', 'it', 'be', 'for', 'in', 'on', 'at', 'can', 'could', 'would', 'will', 'do', 'thi', 'that', 'we', 'with', 'not', 'pleas', 'please', 'what', 'have']);

function isContentToken(t: string): boolean {
  return /[\u3400-\u9fff]/.test(t) ? t.length >= 2 : t.length >= 3 && !EN_STOP.has(t);
}

/** How many phrases each ranked stage contributes: most from the best stage, one from the next ones. */
function quotas(limit: number): number[] {
  const first = limit <= 3 ? 1 : Math.max(1, Math.min(limit - 2, Math.ceil(limit / 2)));
  return [first, ...Array.from({ length: limit - first }, () => 1)];
}

/** Ranks and fills phrases for the conversation; see SuggestInput. */
export function suggest(input: SuggestInput): SuggestResult {
  const limit = Math.max(0, Math.floor(input.limit ?? 5));
  const transcript = input.transcript ?? [];
  const hasText = transcript.some((t) => t.text && t.text.trim());
  // The chat's own language decides how the agent's words are read; the phrases may be in another.
  const cueLocale = hasText ? transcriptLocale(transcript) : (input.locale ?? 'en');
  const locale = input.locale ?? cueLocale;
  const analysis = analyseConversation(transcript, cueLocale);
  const byStage = indexOf(input.phrases)[locale];
  const toSuggestion = (e: IndexedPhrase): Suggestion => ({
    id: e.phrase.id,
    stage: e.phrase.stage,
    text: fillPhrase(e.phrase.text, input.profile, locale).text,
    template: e.phrase.text,
    pinned: !!e.phrase.pinned,
  });

  const query = input.query?.trim();
  if (query) {
    const matches = matchQuery(byStage, analysis.stages, query);
    return { suggestions: matches.slice(0, limit).map(toSuggestion), stages: analysis.stages };
  }

  const agentTokens = latestAgentTokens(transcript, cueLocale);
  const ordered = analysis.stages.map((stage) => orderWithinStage(byStage[stage], analysis.cues, agentTokens, input.profile));
  const picked: IndexedPhrase[] = [];
  const taken = new Array<number>(ordered.length).fill(0);
  const want = quotas(limit);
  // First pass: each ranked stage its quota; then fill any gap from the best stages onwards.
  for (let i = 0, q = 0; i < ordered.length && picked.length < limit && q < want.length; i++) {
    const n = Math.min(want[q], ordered[i].length);
    if (n === 0) continue;
    picked.push(...ordered[i].slice(0, n));
    taken[i] = n;
    q++;
  }
  for (let i = 0; i < ordered.length && picked.length < limit; i++) {
    const more = ordered[i].slice(taken[i], taken[i] + limit - picked.length);
    picked.push(...more);
    taken[i] += more.length;
  }
  const rankOf = new Map(analysis.stages.map((s, i) => [s, i]));
  picked.sort((a, b) => (rankOf.get(a.phrase.stage) ?? 0) - (rankOf.get(b.phrase.stage) ?? 0));
  return { suggestions: picked.map(toSuggestion), stages: analysis.stages };
}

function latestAgentTokens(transcript: readonly TranscriptTurn[], locale: Locale): Set<string> {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const t = transcript[i];
    if (t.speaker === 'agent' && t.text.trim()) return new Set(tokenise(t.text, locale).filter(isContentToken));
  }
  return new Set();
}

/** Pinned, then own, then by closeness to the agent's words, with fewer unknown fill-ins as a tie-break. */
function orderWithinStage(list: IndexedPhrase[], cues: Record<Concept, number>, agentTokens: Set<string>, profile: Profile): IndexedPhrase[] {
  if (list.length <= 1) return list;
  const score = (e: IndexedPhrase): number => {
    let s = 0;
    for (const c of conceptsOf(e)) s += Math.min(1, cues[c]);
    for (const t of tokensOf(e)) if (agentTokens.has(t)) s += 0.3;
    for (const f of e.fields) if (!(profile[f] ?? '').trim()) s -= 0.15;
    return s;
  };
  const scored = list.map((e) => ({ e, s: score(e) }));
  scored.sort((a, b) => a.e.group - b.e.group || b.s - a.s || a.e.order - b.e.order);
  return scored.map((x) => x.e);
}

/** Phrases of every stage whose text holds the query, or each of its space-separated words; best stage first. */
function matchQuery(byStage: Record<Stage, IndexedPhrase[]>, stages: Stage[], query: string): IndexedPhrase[] {
  const q = normaliseText(query);
  // English words also match by stem ("fees" finds "fee"); Chinese words by substring.
  const words = q.split(' ').map((w) => ({ raw: w, stem: /[a-z]/.test(w) ? enKey(w) : w }));
  const out: IndexedPhrase[] = [];
  for (const stage of stages) {
    for (const e of byStage[stage]) {
      if (e.search.includes(q) || words.every((w) => e.search.includes(w.raw) || e.search.includes(w.stem))) out.push(e);
    }
  }
  return out;
}
