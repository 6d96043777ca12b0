// The demo support agent's brain: a small step script with a few keyword turns.
// Pure (no DOM), so the chat page, unit tests and others' tests can share it.
//
// Flow, one agent reply per user message:
//   greet → introduce (name + employee number) and ask identity → ask reason
//   → ask plan → refuse a deferral (once) → offer instalments → confirm terms
//   → "anything else?" → close (then silent).
// Keyword turns that change the flow:
//   - at "ask plan" (or already in the reason message) an instalment request
//     skips the refusal; a deferral request in the reason message skips "ask plan";
//   - the number of instalments named (3/6/12) goes into the confirmed terms;
//   - a question about the agent's name/ID, fees/credit record or a written
//     confirmation is answered without advancing the script.
import { AGENT_LINES, AGENT_PROFILE } from './agent-lines.js';

/** Ids of the script's steps, in the order the agent says them. */
export const STEPS = [
  'greet',
  'introduce',
  'ask-reason',
  'ask-plan',
  'refuse-deferral',
  'offer-instalments',
  'confirm-terms',
  'anything-else',
  'close',
];

const DEFERRAL = /延期|推迟|延后|延迟|晚几天|宽限|缓一缓|缓几天|下个月|下月|defer|postpon|extend|extension|more time|delay|push (back|the)|later date|next month/i;
const INSTALMENTS = /分期|分\s*\d+\s*期|分[三六十二]+期|instal|install|monthly payments|split/i;
const ASKS_AGENT_ID = /工号|贵姓|怎么称呼|你叫什么|您叫什么|你的名字|您的名字|employee (id|number)|agent id|staff (id|number)|your name|who am i (speaking|talking)/i;
const ASKS_FEES = /罚息|利息|手续费|滞纳金|征信|信用记录|penalt|late fee|interest|credit (report|record|score|history)|fees?\b/i;
const ASKS_WRITTEN = /短信|书面|凭证|截图|邮件|written|in writing|e-?mail|sms|text message|confirmation number|reference number/i;
const QUESTION = /[?？]|吗|么|能否|可否|是否|请问|\b(could you|can you|would you|will (it|this|i)|does|is there|what|how)\b/i;

/**
 * Pick the number of instalments the user named, or null.
 * @param {string} text
 * @returns {3|6|12|null}
 */
export function instalmentsIn(text) {
  const zh = { 三: 3, 六: 6, 十二: 12 };
  const m = text.match(/(\d+|十二|三|六)\s*(期|个月|months?|instal|install|payments)/i);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : zh[/** @type {'三'|'六'|'十二'} */ (m[1])];
  return n === 3 || n === 6 || n === 12 ? n : null;
}

/**
 * A side question the agent answers without moving on, or null.
 * Only questions count, so "确认，请发短信" at the confirm step still advances.
 * @param {string} text
 * @returns {'agent-id'|'fees'|'written'|null}
 */
export function sideQuestionIn(text) {
  if (!QUESTION.test(text)) return null;
  if (DEFERRAL.test(text) || INSTALMENTS.test(text)) return null;
  if (ASKS_AGENT_ID.test(text)) return 'agent-id';
  if (ASKS_FEES.test(text)) return 'fees';
  if (ASKS_WRITTEN.test(text)) return 'written';
  return null;
}

/**
 * Create one conversation's agent. `opening()` gives the greeting; each
 * `reply(userText)` gives the agent's answer, or null once the chat is closed.
 * @param {'zh'|'en'} lang
 */
export function createAgent(lang = 'zh') {
  const lines = AGENT_LINES[lang] ?? AGENT_LINES.zh;
  const profile = AGENT_PROFILE[lang] ?? AGENT_PROFILE.zh;
  let step = 'greet';
  let instalments = 6;
  let refused = false;

  /** @param {string} id @param {Record<string,string|number>} [vars] */
  function say(id, vars = {}) {
    const template = /** @type {Record<string,string>} */ (lines)[id];
    return template.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? /** @type {any} */ (profile)[k] ?? ''));
  }

  return {
    profile,
    /** The step the agent said last. */
    get step() {
      return step;
    },
    get closed() {
      return step === 'close';
    },
    opening() {
      step = 'greet';
      return say('greet');
    },
    /**
     * @param {string} userText
     * @returns {{ step: string, text: string, ended: boolean } | null}
     */
    reply(userText) {
      const text = String(userText);
      if (step === 'close') return null;
      // The identity answer is often long and mentions anything; take it as the answer.
      const side = step !== 'greet' && step !== 'introduce' ? sideQuestionIn(text) : null;
      if (side) return { step, text: say(`side-${side}`), ended: false };

      const n = instalmentsIn(text);
      if (n) instalments = n;
      let next;
      switch (step) {
        case 'greet':
          next = 'introduce';
          break;
        case 'introduce':
          next = 'ask-reason';
          break;
        case 'ask-reason':
          if (INSTALMENTS.test(text)) next = 'offer-instalments';
          else if (DEFERRAL.test(text)) next = 'refuse-deferral';
          else next = 'ask-plan';
          break;
        case 'ask-plan':
          next = INSTALMENTS.test(text) && !DEFERRAL.test(text) ? 'offer-instalments' : 'refuse-deferral';
          break;
        case 'refuse-deferral':
          next = 'offer-instalments';
          break;
        case 'offer-instalments':
          next = 'confirm-terms';
          break;
        case 'confirm-terms':
          next = 'anything-else';
          break;
        default:
          next = 'close';
      }
      if (next === 'refuse-deferral') {
        if (refused) next = 'offer-instalments';
        refused = true;
      }
      step = next;
      return { step, text: say(step, { instalments }), ended: step === 'close' };
    },
  };
}
