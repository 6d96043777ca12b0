// Remembers the editable the person last focused in this frame, and where the
// caret was in it: by the time an insert arrives, focus has usually moved to
// the sidebar (another frame), yet the person means "the box I was typing in".
import { editableRoot, isUsableEditable } from './editor-kind';
import { offsetOf } from './text-offsets';

let lastEditable: HTMLElement | null = null;
/** The last selection seen in lastEditable (contenteditable only), as character offsets. */
let lastRange: { start: number; end: number } | null = null;
const installedIn = new WeakSet<Window>();

/** Starts listening for focus and selection changes in this frame (idempotent). */
export function trackFocus(win: Window = window): void {
  if (installedIn.has(win)) return;
  installedIn.add(win);
  win.addEventListener('focusin', (event) => rememberFocus(event.composedPath()[0] ?? event.target), true);
  // 'selectionchange' is queued and coalesced: a click elsewhere can land before it runs, so the
  // caret is also read synchronously after each edit, key and pointer release, and as focus leaves.
  for (const type of ['input', 'keyup', 'mouseup', 'focusout']) win.addEventListener(type, () => rememberSelection(win.document), true);
  win.document.addEventListener('selectionchange', () => rememberSelection(win.document), true);
  // An input focused before the content script loaded (document_idle) still counts.
  rememberFocus(win.document.activeElement);
}

/** Records `target` as the last focused editable when it is one. */
export function rememberFocus(target: EventTarget | null): void {
  if (!(target instanceof Element)) return;
  const root = editableRoot(target);
  if (root && isUsableEditable(root)) {
    if (root !== lastEditable) lastRange = null;
    lastEditable = root;
  }
}

function rememberSelection(doc: Document): void {
  const sel = doc.getSelection();
  if (!lastEditable || !sel || sel.rangeCount === 0) return;
  const range = sel.getRangeAt(0);
  if (lastEditable.localName === 'textarea' || lastEditable.localName === 'input') return;
  if (lastEditable.contains(range.startContainer) && lastEditable.contains(range.endContainer)) {
    lastRange = { start: offsetOf(lastEditable, range.startContainer, range.startOffset), end: offsetOf(lastEditable, range.endContainer, range.endOffset) };
  }
}

/** The last focused editable, if it is still in the page and usable. */
export function lastFocusedEditable(): HTMLElement | null {
  if (lastEditable && (!lastEditable.isConnected || !isUsableEditable(lastEditable))) lastEditable = null;
  return lastEditable;
}

/** The last selection seen inside `el`, as character offsets into its editable text. */
export function lastSelectionIn(el: HTMLElement): { start: number; end: number } | null {
  return el === lastEditable ? lastRange : null;
}

/** For tests: forget everything. */
export function resetFocusHistory(): void {
  lastEditable = null;
  lastRange = null;
}
