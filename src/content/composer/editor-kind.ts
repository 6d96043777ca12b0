// Recognises what kind of text editor an element is, because each kind takes
// programmatic text by a different route (see insert-*.ts).

export type EditorKind = 'textarea' | 'input' | 'lexical' | 'draft' | 'slate' | 'prosemirror' | 'quill' | 'contenteditable';

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'url', 'tel']);

/** A single-line <input> that takes free text (not a password, number, checkbox…). */
export function isTextInput(el: Element): el is HTMLInputElement {
  return el.localName === 'input' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).getAttribute('type') ?? '').toLowerCase());
}

function isContentEditable(el: Element): boolean {
  const attr = el.getAttribute('contenteditable');
  if (attr === null) return false;
  const v = attr.toLowerCase();
  return v === '' || v === 'true' || v === 'plaintext-only';
}

/**
 * The body of a document in design mode: the whole document is the editor. KindEditor and
 * UEditor, common on Chinese support pages, draw their box as an about:blank frame so edited.
 */
export function isDesignModeBody(el: Element): boolean {
  const doc = el.ownerDocument;
  return doc.designMode === 'on' && el === doc.body;
}

/** The root of the editable element that contains `el`, or null when `el` is not inside one. */
export function editableRoot(el: Element | null): HTMLElement | null {
  if (!el) return null;
  if (el.localName === 'textarea' || isTextInput(el)) return el as HTMLElement;
  let root: HTMLElement | null = null;
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.getAttribute('contenteditable')?.toLowerCase() === 'false') break;
    if (isContentEditable(n)) root = n as HTMLElement;
  }
  const body = el.ownerDocument.body;
  if (!root && body && isDesignModeBody(body) && body.contains(el)) return body;
  return root;
}

/** What kind of editor `el` (an editable root) is. */
export function editorKind(el: Element): EditorKind {
  if (el.localName === 'textarea') return 'textarea';
  if (el.localName === 'input') return 'input';
  if (el.hasAttribute('data-lexical-editor')) return 'lexical';
  if (el.classList.contains('public-DraftEditor-content') || el.closest('.DraftEditor-root')) return 'draft';
  if (el.hasAttribute('data-slate-editor')) return 'slate';
  if (el.classList.contains('ProseMirror')) return 'prosemirror';
  if (el.classList.contains('ql-editor')) return 'quill';
  return 'contenteditable';
}

/** Whether `el` can take text now: an enabled, writable text field or an editable root. */
export function isUsableEditable(el: Element): boolean {
  if (el.localName === 'textarea' || isTextInput(el)) {
    const field = el as HTMLTextAreaElement | HTMLInputElement;
    return !field.disabled && !field.readOnly;
  }
  return (isContentEditable(el) || isDesignModeBody(el)) && editableRoot(el) === el && el.getAttribute('aria-disabled') !== 'true';
}
