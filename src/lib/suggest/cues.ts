// Reads one agent turn: finds the cue concepts it carries (lexicon terms, negated
// approval verbs, questions) and turns them into a score per stage. Pure and fast:
// lexicons are compiled once, a turn costs a few tens of microseconds.
import type { Locale } from '../messages';
import { CONCEPTS, CONCEPT_STAGE_WEIGHTS, type Concept, type CueTerm } from './concepts';
import { EN_CUES, EN_DATE_RE, EN_QUESTION_STARTS, EN_REFUSAL_VERBS } from './lexicon-en';
import { ZH_CUES, ZH_DATE_RE, ZH_QUESTION_RE, ZH_REFUSAL_RE } from './lexicon-zh';
import { detectLocale, enKey, enWords, normaliseText } from './text';
import { STAGES, type Stage } from './types';

/** What one agent turn carries: concept strengths and a few flags. */
export interface CueReport {
  concepts: Record<Concept, number>;
  /** The turn (its last sentence mostly) asks something. */
  question: boolean;
  /** The agent turned something down (not inside an "if" clause). */
  refusal: boolean;
}

// A concept seen several times in one sentence counts a little more, not linearly more.
const CONCEPT_CAP = 1.6;
// Earlier sentences of a turn matter less than the last one, which usually asks.
const EARLIER_SENTENCE_WEIGHT = 0.75;

interface ZhCue extends CueTerm {
  /** Plain term, or a compiled pattern for terms with a "*" gap. */
  re: RegExp | null;
}
interface EnCue extends CueTerm {
  keys: string[];
}

interface Compiled<C> {
  /** Cues by their first character (zh) or first word key (en), each with its rank (longest first). */
  byFirst: Map<string, { cue: C; rank: number }[]>;
  /** zh cues with a gap, matched by pattern. */
  patterns: { cue: C; rank: number }[];
}

let zhCompiled: Compiled<ZhCue> | null = null;
let enCompiled: Compiled<EnCue> | null = null;

function compile<C extends CueTerm>(cues: C[], first: (c: C) => string | null): Compiled<C> {
  const byFirst = new Map<string, { cue: C; rank: number }[]>();
  const patterns: { cue: C; rank: number }[] = [];
  cues.forEach((cue, rank) => {
    const f = first(cue);
    if (f === null) patterns.push({ cue, rank });
    else {
      const list = byFirst.get(f) ?? [];
      list.push({ cue, rank });
      byFirst.set(f, list);
    }
  });
  return { byFirst, patterns };
}

/** A cue found in a sentence: where, and its rank (longer cues claim their text first). */
interface Hit {
  rank: number;
  start: number;
  cue: CueTerm;
  /** zh: [start, end) characters; en: the matched word indexes. */
  end: number;
  words?: number[];
}

function zhCues(): Compiled<ZhCue> {
  zhCompiled ??= compile(
    ZH_CUES.map((c) => ({
      ...c,
      term: normaliseText(c.term),
      re: c.term.includes('*') ? new RegExp(c.term.split('*').map(escapeRe).join('[^，。？！,.?!;；]{0,6}?'), 'g') : null,
    })).sort((a, b) => b.term.length - a.term.length),
    (c) => (c.re ? null : c.term[0]),
  );
  return zhCompiled;
}

function enCues(): Compiled<EnCue> {
  enCompiled ??= compile(
    EN_CUES.map((c) => ({ ...c, keys: cueKeys(c.term) })).sort((a, b) => b.keys.length - a.keys.length),
    (c) => c.keys[0],
  );
  return enCompiled;
}

/** Longer matches claim their text first (a gap pattern counts what it spans), then longer terms, then earlier ones. */
function byRankThenStart(a: Hit, b: Hit): number {
  return b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start;
}

function cueKeys(term: string): string[] {
  return normaliseText(term)
    .split(/\s+/)
    .flatMap((w) => (w === '*' ? ['*'] : enWords(w).map(enKey)));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function emptyConcepts(): Record<Concept, number> {
  return Object.fromEntries(CONCEPTS.map((c) => [c, 0])) as Record<Concept, number>;
}

/** Splits a turn into sentences, keeping each one's closing punctuation. */
export function splitSentences(text: string): string[] {
  // End marks, and a full stop only before a space or the end ("0.5%" and "$1.50" stay whole).
  return (text.match(/(?:[^。！？!?;；\n.]|\.(?!\s|$))+(?:[。！？!?;；.]+|$)|[。！？!?;；.]+/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * What one sentence carries. `firstRefusal` is where its refusal starts (character or word index;
 * -1: none), `lastAt` where each concept's last clear cue (weight ≥ 1) does.
 */
interface SentenceRead {
  found: Partial<Record<Concept, number>>;
  question: boolean;
  refusal: boolean;
  firstRefusal: number;
  lastAt: Partial<Record<Concept, number>>;
}

// A clear cue, not a weak hint ("只能", "only option", "审批@0.6").
const isClear = (cue: CueTerm): boolean => cue.weight >= 1;
// A weak refusal hint adds to the scores but alone turns nothing down:
// "我们只能按有意拖欠来处理了" warns of what comes next.
const turnsDown = (cue: CueTerm): boolean => cue.concept === 'refusal' && isClear(cue);
const noteAt = (lastAt: Partial<Record<Concept, number>>, cue: CueTerm, at: number): void => {
  if (isClear(cue)) lastAt[cue.concept] = Math.max(lastAt[cue.concept] ?? -1, at);
};

// ---- Chinese ----

function zhSentence(sentence: string): SentenceRead {
  const text = normaliseText(sentence);
  const used = new Uint8Array(text.length);
  const found: Partial<Record<Concept, number>> = {};
  const refusalAt: number[] = [];
  // Characters claimed by a weak refusal hint ("没法"): a negated approval verb over them still turns something down.
  const hinted = new Uint8Array(text.length);
  const lastAt: Partial<Record<Concept, number>> = {};
  const take = (start: number, end: number, cue: CueTerm): void => {
    for (let i = start; i < end; i++) if (used[i]) return;
    used.fill(1, start, end);
    found[cue.concept] = (found[cue.concept] ?? 0) + cue.weight;
    noteAt(lastAt, cue, start);
    if (cue.concept === 'refusal' && !turnsDown(cue)) hinted.fill(1, start, end);
    if (turnsDown(cue) && !askedNotRefusedZh(text, start, end)) refusalAt.push(start);
  };
  const { byFirst, patterns } = zhCues();
  const hits: Hit[] = [];
  for (let at = 0; at < text.length; at++) {
    for (const { cue, rank } of byFirst.get(text[at]) ?? []) {
      if (text.startsWith(cue.term, at)) hits.push({ rank, start: at, end: at + cue.term.length, cue });
    }
  }
  for (const { cue, rank } of patterns) {
    const re = cue.re as RegExp;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) hits.push({ rank, start: m.index, end: m.index + m[0].length, cue });
  }
  hits.sort(byRankThenStart);
  for (const h of hits) take(h.start, h.end, h.cue);
  ZH_REFUSAL_RE.lastIndex = 0;
  for (let m = ZH_REFUSAL_RE.exec(text); m; m = ZH_REFUSAL_RE.exec(text)) {
    if (!used[m.index]) take(m.index, m.index + 1, { term: m[0], concept: 'refusal', weight: 1 });
    else if (hinted[m.index]) refusalAt.push(m.index);
  }
  if (countMatches(ZH_DATE_RE, text)) found.dateMention = 1;
  const refusal = refusalAt.some((at) => !inConditionalZh(text, at));
  if (!refusal) delete found.refusal;
  return { found, question: ZH_QUESTION_RE.test(text), refusal, firstRefusal: refusal ? Math.min(...refusalAt) : -1, lastAt };
}

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

// "能不能先还一部分？", "可不可以", "有没有办理过" ask (A不A, A没A); "您无法按时还款的原因" is the person's
// inability to pay: neither is the agent turning something down ("您不符合条件" still is).
function askedNotRefusedZh(text: string, at: number, end: number): boolean {
  if ((text[at] === '不' || text[at] === '没') && at > 0 && text[at - 1] === text[at + 1]) return true;
  return /[您你](?:这边|目前|暂时|现在|当时)?$/.test(text.slice(Math.max(0, at - 4), at)) && /^(?:按时|及时|正常|全额)?[还付缴支筹]/.test(text.slice(end));
}

// "如果长期不处理，会影响征信" warns, it does not refuse: a negation in an if-clause is no refusal.
function inConditionalZh(text: string, at: number): boolean {
  const clauseStart = Math.max(...['，', ',', '。', '；', ';'].map((p) => text.lastIndexOf(p, at))) + 1;
  return /如果|若|要是|假如|万一|一旦|倘若/.test(text.slice(clauseStart, at));
}

// ---- English ----

const REFUSAL_VERB_KEYS = new Set(EN_REFUSAL_VERBS.map(enKey));
const QUESTION_START_KEYS = new Set(EN_QUESTION_STARTS);

function enSentence(sentence: string): SentenceRead {
  const norm = normaliseText(sentence).replace(/\bcannot\b/g, 'can not');
  const raw = enWords(norm);
  const words = raw.map(enKey);
  const used = new Uint8Array(words.length);
  const found: Partial<Record<Concept, number>> = {};
  const refusalAt: number[] = [];
  const lastAt: Partial<Record<Concept, number>> = {};
  const take = (idx: number[], cue: CueTerm): boolean => {
    if (idx.some((i) => used[i])) return false;
    for (const i of idx) used[i] = 1;
    found[cue.concept] = (found[cue.concept] ?? 0) + cue.weight;
    noteAt(lastAt, cue, idx[0]);
    if (turnsDown(cue) && !aboutTheirAbility(words, idx)) refusalAt.push(idx[0]);
    return true;
  };
  const { byFirst } = enCues();
  const hits: Hit[] = [];
  for (let start = 0; start < words.length; start++) {
    for (const { cue, rank } of byFirst.get(words[start]) ?? []) {
      const idx = matchAt(words, start, cue.keys);
      if (idx) hits.push({ rank, start, end: idx[idx.length - 1] + 1, words: idx, cue });
    }
  }
  hits.sort(byRankThenStart);
  for (const h of hits) take(h.words as number[], h.cue);
  // A negation shortly before an approval verb: "can't approve", "won't be able", "no way to extend".
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== 'not' && words[i] !== 'no' && words[i] !== 'never') continue;
    for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
      if (REFUSAL_VERB_KEYS.has(words[j])) {
        if (!used[j] || !refusalAt.length) take([i], { term: 'not', concept: 'refusal', weight: 1 });
        break;
      }
    }
  }
  if (countMatches(EN_DATE_RE, norm)) found.dateMention = 1;
  const refusal = refusalAt.some((at) => !words.slice(Math.max(0, at - 6), at).some((w) => w === 'if' || w === 'unless'));
  if (!refusal) delete found.refusal;
  const question = norm.includes('?') || QUESTION_START_KEYS.has(raw[0] ?? '');
  return { found, question, refusal, firstRefusal: refusal ? Math.min(...refusalAt) : -1, lastAt };
}

// "a reason you haven't been able to pay", "is it that you can't pay", "you don't need to do anything":
// the person's inability or what they need not do, not the agent turning something down
// ("you don't qualify" still is).
function aboutTheirAbility(words: string[], idx: number[]): boolean {
  if (!words.slice(Math.max(0, idx[0] - 3), idx[0]).includes('you')) return false;
  const last = idx[idx.length - 1];
  return [last, last + 1, last + 2].some((i) => words[i] === 'abl' || words[i] === 'unabl' || words[i] === 'pay' || words[i] === 'need');
}

/** Matches cue keys at a position ("*" = a gap of up to three words); the matched word indexes, or null. */
function matchAt(words: string[], start: number, keys: string[]): number[] | null {
  if (words[start] !== keys[0]) return null;
  const idx = [start];
  let pos = start + 1;
  for (let k = 1; k < keys.length; k++) {
    if (keys[k] === '*') {
      const next = keys[k + 1];
      let found = -1;
      for (let p = pos; p <= pos + 3 && p < words.length; p++) if (words[p] === next) { found = p; break; }
      if (found < 0) return null;
      idx.push(found);
      pos = found + 1;
      k++;
    } else {
      if (words[pos] !== keys[k]) return null;
      idx.push(pos++);
    }
  }
  return idx;
}

// A live chat re-reads the same turns on every suggestion request: remember recent reports.
const MEMO_LIMIT = 400;
const memo = new Map<string, CueReport>();

/** The cue concepts of one agent turn, the last sentence counting most (the report is shared: do not mutate it). */
export function detectCues(turn: string, locale: Locale = detectLocale(turn)): CueReport {
  const key = locale + '\u0000' + turn;
  const known = memo.get(key);
  if (known) return known;
  const report = readTurn(turn, locale);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(key, report);
  return report;
}

function readTurn(turn: string, locale: Locale): CueReport {
  const sentences = splitSentences(turn);
  const concepts = emptyConcepts();
  let question = false;
  let refusal = false;
  const read = sentences.map((s) => (locale === 'zh-CN' ? zhSentence(s) : enSentence(s)));
  // Once a statement says something was done, the statements after it give its terms ("搞定啦！您这期分成6个月还").
  let doneSaid = false;
  let askedHistory = false;
  read.forEach((r, i) => {
    doneSaid ||= !!r.found.done && !r.question;
    if (doneSaid && !r.question) reportedAsDone(r.found);
    // An "if so, when was it?" after a question about an earlier arrangement still asks about that one.
    if ((r.question && r.found.history) || (askedHistory && r.found.conditional)) aboutEarlierArrangement(r.found);
    askedHistory ||= r.question && !!r.found.history;
    const answered = r.refusal && read.slice(i + 1).some(asksForSomething);
    // "我这边没办法处理，现在帮您转接专线": a handoff after the no passes the request on (one before it, "I checked with my supervisor", does not).
    const after = (c: Concept) => (r.lastAt[c] ?? -1) > r.firstRefusal;
    const passedOn = r.refusal && (after('handoff') || read.slice(i + 1).some((later) => later.lastAt.handoff !== undefined));
    // "我们不支持发送书面材料": what is turned down is the proof in writing, which the reply asks for all the same.
    const proofDeclined = r.refusal && after('visible');
    const softened = answered || passedOn || proofDeclined;
    if (softened) r.found.refusal = (r.found.refusal ?? 0) * ANSWERED_REFUSAL;
    const weight = i === sentences.length - 1 ? 1 : EARLIER_SENTENCE_WEIGHT;
    for (const [c, v] of Object.entries(r.found) as [Concept, number][]) concepts[c] += weight * Math.min(CONCEPT_CAP, v);
    if (r.question && (i === sentences.length - 1 || i === sentences.length - 2)) question = true;
    refusal ||= r.refusal && !softened;
  });
  return { concepts, question, refusal };
}

// A question after a refusal that asks for a date, a reason, an amount, the person's intent or
// a plan: the reply answers it ("系统不支持减免……请问您的工资每月几号发放？"), the refusal was
// the policy line. So is a refusal the agent passes on (a handoff after it), and one of the proof in
// writing (asked for all the same). It still counts, for less.
const ANSWERED_REFUSAL = 0.5;
const ASKING: Concept[] = ['askInfo', 'askReason', 'askWhen', 'askWilling', 'instalment'];
function asksForSomething(r: SentenceRead): boolean {
  return r.question && ASKING.some((c) => (r.found[c] ?? 0) > 0);
}

// A sentence stating something done ("已为您延期至15日", "I've moved your date to…") gives a
// result to confirm, not a question about dates or instalments.
function reportedAsDone(found: Partial<Record<Concept, number>>): void {
  const when = found.askWhen ?? 0;
  const plan = found.instalment ?? 0;
  const date = found.dateMention ?? 0;
  found.terms = (found.terms ?? 0) + 0.8 * when + 0.6 * plan + 0.5 * date;
  found.askWhen = 0.2 * when;
  found.instalment = 0.15 * plan;
  found.dateMention = 0;
}

// A question about an earlier arrangement ("您之前办理过延期或者分期吗？") names the plan or date
// the person had: it offers no instalments and asks for no new date.
function aboutEarlierArrangement(found: Partial<Record<Concept, number>>): void {
  for (const c of ['instalment', 'askWhen', 'done'] as const) if (found[c]) found[c] *= 0.3;
  found.dateMention = 0;
}

export function zeroScores(): Record<Stage, number> {
  return Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
}

/** Turns a cue report into stage scores, with the few interactions that single cues cannot express. */
export function scoreCues(report: CueReport): Record<Stage, number> {
  const c = { ...report.concepts };
  // "Anything else I can help with?" ends the chat; it is no opening offer of help.
  if (c.anythingElse > 0) {
    c.offerHelp = 0;
    c.greet = 0;
  }
  // A refusal of a deferral talks about dates without asking for one.
  if (report.refusal) c.askWhen *= 0.25;
  const scores = zeroScores();
  for (const concept of CONCEPTS) {
    const v = c[concept];
    if (!v) continue;
    for (const [stage, w] of Object.entries(CONCEPT_STAGE_WEIGHTS[concept]) as [Stage, number][]) scores[stage] += v * w;
  }
  return scores;
}

/** Stage scores for one agent turn (higher fits better; 0 = no cue for that stage). */
export function scoreStages(agentTurn: string, locale: Locale = detectLocale(agentTurn)): Record<Stage, number> {
  return scoreCues(detectCues(agentTurn, locale));
}
