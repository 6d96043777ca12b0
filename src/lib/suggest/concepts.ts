// The cue concepts an agent turn can carry and how each one points at the stages
// a good reply takes. Built from the stage descriptions (docs/stages.md) and how
// repayment-negotiation chats go, not from any test sentence.
import type { Stage } from './types';

export const CONCEPTS = [
  /** A greeting or the chat being connected. */
  'greet',
  /** "How can I help?": the agent waits for the person to say why they came. */
  'offerHelp',
  /** Asks for identity or account facts: name, phone, card, amount, days overdue. */
  'askInfo',
  /**
   * Asks about an earlier arrangement ("您之前办理过延期吗", "Have you had a payment plan with us before?"):
   * the plan or date it names is the one the person had, not one on offer.
   */
  'history',
  /** Asks why, or about income, expenses, work, how long the difficulty lasts. */
  'askReason',
  /** Asks whether the person means to pay, mentions deliberate default, attitude, commitment. */
  'askWilling',
  /** Asks when, which date, how long: the timing of a payment or a new due date. */
  'askWhen',
  /** Instalments, a payment plan, a smaller or minimum payment, a hardship programme. */
  'instalment',
  /** The agent says no: cannot, unable, declined, not eligible. */
  'refusal',
  /** Apology or regret (a refusal's usual companion, also plain sympathy). */
  'sorry',
  /** Fees, penalty interest, late charges, rates, waivers. */
  'fee',
  /** Credit reporting, credit record, credit score. */
  'credit',
  /** Escalated, transferred, a case or ticket opened, someone will call back. */
  'handoff',
  /** The agent has done something: applied, moved the date, set up the plan. */
  'done',
  /** Terms of an agreement: the amount per payment, the first debit, the due date then. */
  'terms',
  /** The agent sets out what was agreed or asks the person to accept it ("您看这样可以吗", "Does that work for you?"). */
  'agreement',
  /** Where the result shows: in the app, by SMS, letter, e-mail, a note on the account. */
  'visible',
  /** The proof in writing has been sent ("请注意查收", "The letter is on its way"). */
  'delivered',
  /** "Anything else?" */
  'anythingElse',
  /** Goodbye, a survey, the chat ending. */
  'farewell',
  /** "If…": a conditional clause, so a negation in it is a warning, not a refusal. */
  'conditional',
  /** A specific date or day ("5号", "下个月", "the 3rd", "August 1st"). */
  'dateMention',
  /** Look like cues but are not ("系统显示" reports a status, it is not about where a result shows). */
  'neutral',
] as const;

export type Concept = (typeof CONCEPTS)[number];

/** How much one unit of a concept adds to each stage's score. */
export const CONCEPT_STAGE_WEIGHTS: Record<Concept, Partial<Record<Stage, number>>> = {
  greet: { open: 1 },
  offerHelp: { open: 2.5 },
  askInfo: { identify: 2.2, hardship: 0.2 },
  history: { identify: 2.2, hardship: 0.2 },
  askReason: { hardship: 2.2, willingness: 0.5, identify: 0.3 },
  askWilling: { willingness: 2.5, 'request-deferral': 0.6, hardship: 0.3 },
  askWhen: { 'request-deferral': 2.2, willingness: 0.6 },
  instalment: { 'propose-instalments': 2.6, 'fees-credit': 0.3 },
  refusal: { persist: 2.6, 'propose-instalments': 1.4 },
  sorry: { persist: 0.4 },
  fee: { 'fees-credit': 2.4 },
  credit: { 'fees-credit': 2.2, willingness: 0.3 },
  handoff: { 'record-agent': 2.4, 'request-written': 0.6, 'confirm-terms': 0.4 },
  done: { 'confirm-terms': 2.2, 'request-written': 1.3, 'record-agent': 0.4 },
  terms: { 'confirm-terms': 1.4, 'request-written': 0.3 },
  agreement: { 'confirm-terms': 2.6, 'request-written': 0.4 },
  visible: { 'request-written': 2.2, 'confirm-terms': 1.0 },
  delivered: { closing: 1.2, 'confirm-terms': 0.3 },
  anythingElse: { closing: 3, 'confirm-terms': 1.3, 'request-written': 1.1, 'record-agent': 0.5 },
  farewell: { closing: 3 },
  conditional: {},
  dateMention: { 'request-deferral': 0.5, 'confirm-terms': 0.5 },
  neutral: {},
};

/** A cue term: text that signals a concept, with its strength (1 = clear, 0.3–0.6 = a hint). */
export interface CueTerm {
  term: string;
  concept: Concept;
  weight: number;
}

/** Writes a lexicon compactly: concept → terms, "term@0.5" for a weaker hint. */
export function cueList(byConcept: Partial<Record<Concept, readonly string[]>>): CueTerm[] {
  const out: CueTerm[] = [];
  for (const [concept, terms] of Object.entries(byConcept) as [Concept, readonly string[]][]) {
    for (const t of terms) {
      const at = t.lastIndexOf('@');
      out.push(at > 0 ? { term: t.slice(0, at), concept, weight: Number(t.slice(at + 1)) } : { term: t, concept, weight: 1 });
    }
  }
  return out;
}
