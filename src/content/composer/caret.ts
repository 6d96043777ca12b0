// Places the caret in a contenteditable editor before inserting: where the
// person left it (keeping their draft), at the end when they never clicked
// in, or around everything for 'replace'.
import { lastSelectionIn } from './focus-history';
import { editableTextNodes, pointAt } from './text-offsets';

/** The selection object that can see into `el` (a shadow root's own one where the browser has it). */
export function selectionFor(el: HTMLElement): Selection | null {
  const root = el.getRootNode() as (ShadowRoot & { getSelection?: () => Selection | null }) | Document;
  if (root instanceof ShadowRoot && typeof root.getSelection === 'function') return root.getSelection();
  return el.ownerDocument.getSelection();
}

/** A collapsed range at the end of the editor's last editable text (or inside its last empty block). */
export function endRange(editor: HTMLElement): Range {
  const doc = editor.ownerDocument;
  const range = doc.createRange();
  const last = editableTextNodes(editor).at(-1);
  if (last) {
    range.setStart(last, last.data.length);
  } else {
    // Empty editor: descend into its last block (e.g. <p><br></p>) so the editor maps the point to a paragraph.
    let block: Element = editor;
    while (block.lastElementChild && block.lastElementChild.localName !== 'br' && block.lastElementChild.getAttribute('contenteditable') !== 'false')
      block = block.lastElementChild;
    range.setStart(block, 0);
  }
  range.collapse(true);
  return range;
}

/** The range the text should replace in `editor`. */
export function targetRange(editor: HTMLElement, mode: 'insert' | 'replace'): Range {
  if (mode === 'replace') {
    const all = editor.ownerDocument.createRange();
    all.selectNodeContents(editor);
    return all;
  }
  const sel = selectionFor(editor);
  if (sel && sel.rangeCount > 0) {
    const current = sel.getRangeAt(0);
    if (editor.contains(current.startContainer) && editor.contains(current.endContainer)) return current.cloneRange();
  }
  const saved = lastSelectionIn(editor);
  const start = saved && pointAt(editor, saved.start);
  const end = saved && pointAt(editor, saved.end);
  if (!start || !end) return endRange(editor);
  const range = editor.ownerDocument.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

/** Focuses `editor` and selects `range` in it. */
export function applyRange(editor: HTMLElement, range: Range): void {
  editor.focus({ preventScroll: true });
  const sel = selectionFor(editor);
  if (!sel) return;
  sel.removeAllRanges();
  sel.addRange(range);
}
