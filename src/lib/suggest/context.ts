// Reads the conversation so far and ranks the stages a good next reply may take:
// mostly the latest agent turn(s), adjusted by what already happened (the agent's ID
// is known, a refusal came earlier, the user already opened or asked for written proof).
import type { AgentIdentity, Speaker } from '../evidence/types';
import type { Locale } from '../messages';
import type { Concept } from './concepts';
import { CONCEPTS } from './concepts';
import { detectCues, scoreCues, zeroScores } from './cues';
import { detectLocale } from './text';
import { STAGES, type Stage } from './types';
import { agentIdentity, userMoves } from './user-moves';

/** One turn of a chat as the engine needs it. */
export interface TranscriptTurn {
  speaker: Speaker;
  text: string;
}

export interface ConversationAnalysis {
  locale: Locale;
  /** Every stage, best fitting first. */
  stages: Stage[];
  scores: Record<Stage, number>;
  /** Stages the user's own turns already took. */
  done: Stage[];
  /** The agent stated an employee number (so asking for it is no longer useful). */
  agentIdentified: boolean;
  agent: AgentIdentity;
  /** Some agent turn turned a request down. */
  refusalSeen: boolean;
  /** Cue concepts of the latest agent turn(s), for ranking phrases within a stage. */
  cues: Record<Concept, number>;
}

// Earlier turns of the latest agent block, and the block before it, count less.
const EARLIER_IN_BLOCK = 0.6;
const PREVIOUS_BLOCK = 0.1;
// How many recent turns to look at: older ones say little about the next reply.
const WINDOW = 24;

/** Chooses the locale of a transcript: the given one, else by its characters. */
export function transcriptLocale(transcript: readonly TranscriptTurn[], locale?: Locale): Locale {
  if (locale) return locale;
  return detectLocale(transcript.slice(-6).map((t) => t.text).join(' '));
}

/** Analyses a transcript (oldest turn first) and ranks the stages for the user's next reply. */
export function analyseConversation(transcript: readonly TranscriptTurn[], locale?: Locale): ConversationAnalysis {
  const turns = transcript.slice(-WINDOW).filter((t) => t.text && t.text.trim());
  const loc = transcriptLocale(turns, locale);
  const agentTexts = turns.filter((t) => t.speaker === 'agent').map((t) => t.text);
  const userTexts = turns.filter((t) => t.speaker === 'user').map((t) => t.text);
  const done = userMoves(userTexts, loc);
  const agent = agentIdentity(agentTexts);
  const agentIdentified = agent.employeeId !== null;

  const { latest, previous } = agentBlocks(turns);
  const scores = zeroScores();
  const cues = Object.fromEntries(CONCEPTS.map((c) => [c, 0])) as Record<Concept, number>;
  let latestRefusal = false;
  let refusalSeen = false;
  latest.forEach((text, i) => {
    const report = detectCues(text, loc);
    const weight = i === latest.length - 1 ? 1 : EARLIER_IN_BLOCK;
    latestRefusal ||= report.refusal;
    addScores(scores, scoreCues(report), weight);
    for (const c of CONCEPTS) cues[c] += report.concepts[c] * weight;
  });
  for (const text of previous) addScores(scores, scoreCues(detectCues(text, loc)), PREVIOUS_BLOCK);
  refusalSeen = latestRefusal || agentTexts.some((t) => !latest.includes(t) && detectCues(t, loc).refusal);

  if (agentTexts.length === 0) {
    // Nobody has spoken yet (or only the user): open first, then the heart of the case.
    if (!done.has('open')) scores.open += 3;
    scores.hardship += 0.6;
    scores['request-deferral'] += 0.5;
    scores.willingness += 0.4;
  }
  if (refusalSeen && !latestRefusal) {
    // After a no, the talk still turns on alternatives and on not giving up.
    scores.persist += 0.6;
    scores['propose-instalments'] += 0.6;
  }
  applyDone(scores, done, agentIdentified, agent.name !== null, agentTexts.length > 0);
  if (latestRefusal) putRefusalRepliesFirst(scores, done);
  addFlowPrior(scores, done, agentIdentified);

  const stages = [...STAGES].sort((a, b) => scores[b] - scores[a] || STAGES.indexOf(a) - STAGES.indexOf(b));
  return { locale: loc, stages, scores, done: STAGES.filter((s) => done.has(s)), agentIdentified, agent, refusalSeen, cues };
}

/** The agent turns since the user last spoke (or the last agent block, if the user spoke last), and the block before. */
function agentBlocks(turns: readonly TranscriptTurn[]): { latest: string[]; previous: string[] } {
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const t of turns) {
    if (t.speaker === 'agent') {
      if (!current) blocks.push((current = []));
      current.push(t.text);
    } else if (t.speaker === 'user') current = null;
  }
  return { latest: blocks.at(-1) ?? [], previous: blocks.at(-2) ?? [] };
}

function addScores(into: Record<Stage, number>, add: Record<Stage, number>, weight: number): void {
  for (const s of STAGES) into[s] += add[s] * weight;
}

function applyDone(scores: Record<Stage, number>, done: Set<Stage>, identified: boolean, named: boolean, agentSpoke: boolean): void {
  if (identified || done.has('record-agent')) scores['record-agent'] *= 0.02;
  else if (named) scores['record-agent'] *= 0.7;
  // Once the user has introduced themselves, "open" phrases are not what comes next.
  if (done.has('open') && agentSpoke) scores.open *= 0.3;
  if (done.has('request-written')) scores['request-written'] *= 0.6;
  for (const s of ['identify', 'hardship', 'willingness'] as const) if (done.has(s)) scores[s] *= 0.85;
}

/** After a refusal, persisting and offering instalments are the two replies that move things on. */
function putRefusalRepliesFirst(scores: Record<Stage, number>, done: Set<Stage>): void {
  const top = Math.max(...STAGES.map((s) => scores[s]));
  scores.persist = Math.max(scores.persist, top + 0.2);
  // If instalments were already refused, offering them again is no answer.
  if (!(done.has('propose-instalments') && scores['propose-instalments'] === 0)) {
    const others = STAGES.filter((s) => s !== 'persist' && s !== 'propose-instalments').map((s) => scores[s]);
    scores['propose-instalments'] = Math.max(scores['propose-instalments'], Math.max(...others) + 0.1);
  }
}

/** A small tie-breaking prior: the stages just after the furthest one the user reached. */
function addFlowPrior(scores: Record<Stage, number>, done: Set<Stage>, agentIdentified: boolean): void {
  let progress = -1;
  for (const s of done) if (s !== 'closing') progress = Math.max(progress, STAGES.indexOf(s));
  STAGES.forEach((s, i) => {
    if (s === 'record-agent' && (agentIdentified || done.has(s))) return;
    const ahead = i - progress;
    scores[s] += ahead > 0 ? Math.max(0.02, 0.12 - 0.02 * (ahead - 1)) : 0.01;
  });
}
