// The demo support-chat page: wires the widget markup in chat.html to the agent script.
// The page keeps its own draft state, updated only from `input` events (like a
// React widget), so whatever inserts text must dispatch `input` for Send to work.
import { createAgent } from './agent-script.js';
import { UI_STRINGS } from './ui-strings.js';
import { messageRow, noticeRow, typingRow } from './message-dom.js';

export const DEFAULT_DELAY_MS = 400;

/**
 * Read `?lang=zh|en` (default zh) and `?delay=<ms>` (default 400).
 * @param {string} search
 * @returns {{ lang: 'zh'|'en', delay: number }}
 */
export function optionsFromUrl(search) {
  const params = new URLSearchParams(search);
  const lang = params.get('lang') === 'en' ? 'en' : 'zh';
  const raw = Number(params.get('delay'));
  const delay = params.has('delay') && Number.isFinite(raw) && raw >= 0 ? raw : DEFAULT_DELAY_MS;
  return { lang, delay };
}

/** @param {string} template @param {Record<string,string>} vars */
function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
}

/**
 * Mount the chat on a document holding chat.html's markup; returns the test hooks
 * that chat.html publishes as `window.__demo`.
 * @param {Document} doc
 * @param {{ lang?: 'zh'|'en', delay?: number }} [options]
 */
export function mountChat(doc, options = {}) {
  const lang = options.lang === 'en' ? 'en' : 'zh';
  const delay = options.delay ?? DEFAULT_DELAY_MS;
  const ui = UI_STRINGS[lang];
  const win = /** @type {Window} */ (doc.defaultView);

  const log = /** @type {HTMLElement} */ (doc.getElementById('chat-log'));
  const form = /** @type {HTMLFormElement} */ (doc.getElementById('composer'));
  const input = /** @type {HTMLTextAreaElement} */ (doc.getElementById('chat-input'));
  const send = /** @type {HTMLButtonElement} */ (doc.getElementById('send-button'));

  localise(doc, ui, lang);
  input.placeholder = ui.placeholder;
  log.setAttribute('aria-label', ui.logLabel);

  /** @type {{ speaker: 'agent'|'user'|'system', text: string }[]} */
  let transcript = [];
  let agent = createAgent(lang);
  let draft = '';
  let nextId = 1;
  /** Bumped by reset() so replies scheduled before it are dropped. */
  let generation = 0;
  /** Chain of pending agent replies; each waits for the one before. */
  let pending = Promise.resolve();
  /** @type {HTMLElement | null} */
  let typing = null;

  const agentLabel = agent.profile.label;

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /** @param {'agent'|'user'} speaker @param {string} text */
  function addMessage(speaker, text) {
    transcript.push({ speaker, text });
    const author = speaker === 'agent' ? agentLabel : ui.userLabel;
    const row = messageRow(doc, { id: `m${nextId++}`, speaker, author, text, at: new Date() });
    log.insertBefore(row, typing);
    scrollToEnd();
  }

  /** @param {string} text */
  function addNotice(text) {
    transcript.push({ speaker: 'system', text });
    log.insertBefore(noticeRow(doc, { id: `m${nextId++}`, text }), typing);
    scrollToEnd();
  }

  function showTyping() {
    if (typing) return;
    typing = typingRow(doc, fill(ui.typing, { label: agentLabel }));
    log.append(typing);
    scrollToEnd();
  }

  function hideTyping() {
    typing?.remove();
    typing = null;
  }

  /** @param {number} ms */
  const sleep = (ms) => new Promise((resolve) => win.setTimeout(resolve, ms));

  /**
   * Queue an agent turn: typing indicator for `delay` ms, then the line.
   * @param {() => { text: string, ended: boolean } | null} nextLine
   */
  function agentTurn(nextLine) {
    const gen = generation;
    pending = pending.then(async () => {
      if (gen !== generation || agent.closed) return;
      showTyping();
      await sleep(delay);
      if (gen !== generation) return;
      hideTyping();
      const line = nextLine();
      if (!line) return;
      addMessage('agent', line.text);
      if (line.ended) addNotice(ui.ended);
    });
  }

  function updateSendButton() {
    send.disabled = draft.trim() === '';
  }

  function submitDraft() {
    const text = draft.trim();
    if (!text) return;
    draft = '';
    input.value = '';
    updateSendButton();
    addMessage('user', text);
    agentTurn(() => agent.reply(text));
  }

  input.addEventListener('input', () => {
    draft = input.value;
    updateSendButton();
  });
  input.addEventListener('keydown', (event) => {
    // Enter while an IME is composing picks a candidate; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submitDraft();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitDraft();
  });
  doc.querySelector('.restart-button')?.addEventListener('click', () => reset());

  function start() {
    addNotice(fill(ui.joined, { label: agentLabel }));
    agentTurn(() => ({ text: agent.opening(), ended: false }));
  }

  function reset() {
    generation++;
    pending = Promise.resolve();
    hideTyping();
    log.replaceChildren();
    transcript = [];
    agent = createAgent(lang);
    draft = '';
    input.value = '';
    updateSendButton();
    start();
  }

  start();

  return {
    lang,
    delay,
    /** Who the agent is: `{ name, label, employeeId, caseNo }`. */
    agent: agent.profile,
    /** What the page itself thinks was said, oldest first. */
    transcript: () => transcript.map((m) => ({ ...m })),
    /** Start a fresh conversation (clears the log, greets again). */
    reset,
    /** The agent script's current step id (see agent-script.js STEPS). */
    step: () => agent.step,
    /** Resolves once every queued agent reply has been shown. */
    idle: async () => {
      let seen;
      do {
        seen = pending;
        await seen;
      } while (seen !== pending);
    },
  };
}

/**
 * Put the language's labels into the static markup and mark the current language link.
 * @param {Document} doc
 * @param {Record<string,string>} ui
 * @param {'zh'|'en'} lang
 */
function localise(doc, ui, lang) {
  doc.documentElement.lang = ui.htmlLang;
  doc.title = ui.docTitle;
  for (const el of doc.querySelectorAll('[data-i18n]')) {
    const key = /** @type {HTMLElement} */ (el).dataset.i18n ?? '';
    if (ui[key]) el.textContent = ui[key];
  }
  doc.querySelector('.chat-header__tools')?.setAttribute('aria-label', ui.langNav);
  const here = new URL(doc.location?.href || 'http://localhost/');
  for (const link of doc.querySelectorAll('a.lang-link')) {
    const a = /** @type {HTMLAnchorElement} */ (link);
    const url = new URL(here);
    url.searchParams.set('lang', a.dataset.lang ?? 'zh');
    a.href = url.search;
    if (a.dataset.lang === lang) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
}
