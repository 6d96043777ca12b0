// Quick insert: in the page's chat input, the shortcut (Alt+Q by default, from
// settings) opens a phrase search at the caret; Enter puts the chosen phrase
// into the chat input through the composer. Nothing is ever sent.
import browser from '../../lib/browser';
import { resolveLocale } from '../../lib/i18n';
import { call } from '../../lib/messages';
import type { PageLook } from '../../lib/page-look';
import { insertIntoChat, type InsertResult } from '../composer';
import { editableRoot } from '../composer/editor-kind';
import { findChatInput } from '../composer/find-input';
import { caretPoint } from './caret-rect';
import { QuickInsertPopup, type PhraseItem, type PopupLook } from './popup';
import { matchesShortcut } from '../../lib/shortcut';

export { POPUP_TAG } from './popup';

export interface QuickInsertDeps {
  /** runtime.sendMessage, the seam tests replace. */
  sendMessage(msg: unknown): Promise<unknown>;
  insert(text: string): Promise<InsertResult>;
}

const defaultDeps: QuickInsertDeps = {
  sendMessage: (msg) => browser.runtime.sendMessage(msg),
  insert: (text) => insertIntoChat(text, 'insert'),
};

const DEFAULT_SHORTCUT = 'Alt+Q';
let installed = false;
/** From the settings (setQuickInsertLook); until they arrive, the default shortcut in the browser's language. */
let shortcut = DEFAULT_SHORTCUT;
let look: PopupLook = { zh: resolveLocale('auto', navigator.language) === 'zh-CN', theme: 'auto' };

/** Takes the shortcut, language and theme settings (at start, and whenever they change). */
export function setQuickInsertLook(page: PageLook): void {
  shortcut = page.quickInsertShortcut || DEFAULT_SHORTCUT;
  look = { zh: page.locale === 'zh-CN', theme: page.theme };
}

/** Installs the quick-insert shortcut in this frame (idempotent). */
export function installQuickInsert(deps: QuickInsertDeps = defaultDeps, win: Window = window): void {
  if (installed) return;
  installed = true;
  const doc = win.document;
  let popup: QuickInsertPopup | null = null;
  let editor: HTMLElement | null = null;
  let queryTimer: ReturnType<typeof setTimeout> | undefined;
  let querySeq = 0;

  const fetchPhrases = (query: string) => {
    const seq = ++querySeq;
    call(deps.sendMessage, 'suggest.list', { query, limit: 8 })
      .then(({ suggestions }) => {
        if (seq === querySeq && popup) popup.setItems(suggestions.map(({ id, stage, text }): PhraseItem => ({ id, stage, text })));
      })
      .catch(() => popup?.setItems([]));
  };

  const close = (refocus: boolean) => {
    clearTimeout(queryTimer);
    popup?.destroy();
    popup = null;
    if (refocus) editor?.focus({ preventScroll: true });
  };

  const choose = async (item: PhraseItem) => {
    close(true);
    const result = await deps.insert(item.text);
    if (!result.ok) {
      // The editor refused programmatic text: leave the phrase on the clipboard for a manual paste.
      await navigator.clipboard?.writeText(item.text).catch(() => undefined);
    }
  };

  const open = (target: HTMLElement) => {
    editor = target;
    popup = new QuickInsertPopup(doc, caretPoint(target), {
      query: (q) => {
        clearTimeout(queryTimer);
        queryTimer = setTimeout(() => fetchPhrases(q.trim()), 80);
      },
      choose: (item) => void choose(item),
      dismiss: () => close(true),
    }, look);
    fetchPhrases('');
  };

  win.addEventListener(
    'keydown',
    (e) => {
      if (popup || e.defaultPrevented || !matchesShortcut(e, shortcut)) return;
      const target = editableRoot((e.composedPath()[0] ?? e.target) as Element);
      // Only in the chat input: the same keys may mean something in other fields.
      if (!target || findChatInput(doc)?.el !== target) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      open(target);
    },
    true,
  );
  win.addEventListener('mousedown', (e) => popup && !popup.contains(e.composedPath()) && close(false), true);
  win.addEventListener('blur', () => popup && close(false));
}
