// Inserts text into a contenteditable editor by the route its framework
// listens to, trying the next route only when a read-back shows the editor
// did not take the text. Draft.js handles paste best (its beforeinput path
// inserts one character's worth of logic); the others take the browser's
// insertText command, which they see as real typing.
import { applyRange, targetRange } from './caret';
import type { EditorKind } from './editor-kind';
import { editableText, tookText } from './read-back';
import { settle } from './settle';

type Route = 'exec-command' | 'beforeinput-text' | 'beforeinput-paste' | 'paste';

const ROUTES: Record<Exclude<EditorKind, 'textarea' | 'input'>, Route[]> = {
  draft: ['paste', 'exec-command', 'beforeinput-text'],
  lexical: ['exec-command', 'beforeinput-text', 'paste'],
  slate: ['beforeinput-text', 'beforeinput-paste', 'exec-command', 'paste'],
  prosemirror: ['exec-command', 'paste', 'beforeinput-text'],
  quill: ['exec-command', 'paste'],
  contenteditable: ['exec-command', 'beforeinput-text', 'paste'],
};

const SELECTION_SYNC_MS: Partial<Record<EditorKind, number>> = { slate: 150 };

function dataTransferOf(text: string): DataTransfer {
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  return dt;
}

/** Fires one route; returns false when it could not even be attempted. */
function fire(route: Route, editor: HTMLElement, text: string): boolean {
  const doc = editor.ownerDocument;
  const init = { bubbles: true, cancelable: true, composed: true };
  switch (route) {
    case 'exec-command':
      return doc.execCommand('insertText', false, text);
    case 'beforeinput-text':
      editor.dispatchEvent(new InputEvent('beforeinput', { ...init, inputType: 'insertText', data: text }));
      return true;
    case 'beforeinput-paste':
      editor.dispatchEvent(new InputEvent('beforeinput', { ...init, inputType: 'insertFromPaste', dataTransfer: dataTransferOf(text) }));
      return true;
    case 'paste':
      editor.dispatchEvent(new ClipboardEvent('paste', { ...init, clipboardData: dataTransferOf(text) }));
      return true;
  }
}

/** Inserts `text`; returns the route that worked, or null when the editor took none. */
export async function insertIntoRichEditor(editor: HTMLElement, kind: keyof typeof ROUTES, text: string, mode: 'insert' | 'replace'): Promise<string | null> {
  const before = editableText(editor);
  for (const route of ROUTES[kind]) {
    // Recomputed per route: the editor may have re-rendered the nodes a kept Range would point into.
    applyRange(editor, targetRange(editor, mode));
    // Editors sync their model selection on 'selectionchange', which fires asynchronously
    // (and slate-react throttles its handler to once per 100 ms).
    await settle(SELECTION_SYNC_MS[kind] ?? 20);
    if (!fire(route, editor, text)) continue;
    await settle();
    const after = editableText(editor);
    if (tookText(before, after, text, mode)) return route;
    // A route that changed the text without taking it whole leaves a state we must not pile onto.
    if (after !== before) return null;
  }
  return null;
}
