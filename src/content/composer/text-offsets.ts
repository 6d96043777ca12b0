// Converts between DOM points and character offsets in an editor's editable
// text. Editors re-render their text nodes on every keystroke, so a saved
// Range goes stale; a character offset survives the re-render.

/** The editor's text nodes a person can edit (not placeholders in contenteditable=false islands). */
export function editableTextNodes(editor: HTMLElement): Text[] {
  const out: Text[] = [];
  const walker = editor.ownerDocument.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let island = false;
    for (let p = n.parentElement; p && p !== editor; p = p.parentElement) {
      if (p.getAttribute('contenteditable') === 'false') {
        island = true;
        break;
      }
    }
    if (!island) out.push(n as Text);
  }
  return out;
}

/** The number of editable characters between the editor's start and the point (node, offset). */
export function offsetOf(editor: HTMLElement, node: Node, offset: number): number {
  const upTo = editor.ownerDocument.createRange();
  upTo.setStart(editor, 0);
  upTo.setEnd(node, offset);
  let count = 0;
  for (const t of editableTextNodes(editor)) {
    if (t === node) return count + offset;
    if (upTo.comparePoint(t, 0) > 0) break;
    count += t.data.length;
  }
  return count;
}

/** The DOM point at `offset` editable characters into the editor, or null past its end. */
export function pointAt(editor: HTMLElement, offset: number): [Text, number] | null {
  let rest = offset;
  for (const t of editableTextNodes(editor)) {
    if (rest <= t.data.length) return [t, rest];
    rest -= t.data.length;
  }
  return null;
}
