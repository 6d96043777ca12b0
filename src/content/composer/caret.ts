// Places the caret in a contenteditable editor before inserting: where the
// person left it (keeping their draft), at the end when they never clicked
// in, or around everything for 'replace'.
import { lastRangeIn } from './focus-history';

/** The selection object that can see into `el` (a shadow root's own one where the browser has it). */
export function selectionFor(el: HTMLElement): Selection | null {
  const root = el.getRootNode() as (ShadowRoot & { getSelection?: () => Selection | null }) | Document;
  if (root instanceof ShadowRoot && typeof root.getSelection === 'function') return root.getSelection();
  return el.ownerDocument.getSelection();
}

function insideNonEditable(node: Node, editor: HTMLElement): boolean {
  for (let n = node.parentElement; n && n !== editor; n = n.parentElement) {
    if (n.getAttribute('contenteditable') === 'false') return true;
  }
  return false;
}

/** A collapsed range at the end of the editor's last editable text (or inside its last empty block). */
export function endRange(editor: HTMLElement): Range {
  const doc = editor.ownerDocument;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!insideNonEditable(n, editor)) last = n as Text;
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
  return lastRangeIn(editor)?.cloneRange() ?? endRange(editor);
}

/** Focuses `editor` and selects `range` in it. */
export function applyRange(editor: HTMLElement, range: Range): void {
  editor.focus({ preventScroll: true });
  const sel = selectionFor(editor);
  if (!sel) return;
  sel.removeAllRanges();
  sel.addRange(range);
}
