// Where the caret is on screen, so the phrase search opens next to it.
// A <textarea> exposes no caret geometry: a hidden mirror element with the
// same text and style up to the caret gives it.

export interface Point {
  left: number;
  top: number;
  bottom: number;
}

const MIRRORED = [
  'boxSizing', 'width', 'height', 'overflowX', 'overflowY', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize',
  'lineHeight', 'fontFamily', 'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize',
] as const;

function fieldCaret(field: HTMLTextAreaElement | HTMLInputElement): Point {
  const rect = field.getBoundingClientRect();
  const doc = field.ownerDocument;
  const mirror = doc.createElement('div');
  const style = getComputedStyle(field);
  for (const p of MIRRORED) mirror.style[p] = style[p];
  Object.assign(mirror.style, { position: 'fixed', visibility: 'hidden', left: `${rect.left}px`, top: `${rect.top}px`, whiteSpace: field.localName === 'input' ? 'pre' : 'pre-wrap', overflowWrap: 'break-word' });
  const upTo = field.value.slice(0, field.selectionEnd ?? field.value.length);
  mirror.textContent = upTo;
  const marker = doc.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(marker);
  doc.documentElement.append(mirror);
  const m = marker.getBoundingClientRect();
  mirror.remove();
  const left = Math.min(m.left - field.scrollLeft, rect.right);
  const top = Math.min(Math.max(m.top - field.scrollTop, rect.top), rect.bottom);
  return { left, top, bottom: Math.min(top + m.height, rect.bottom) };
}

/** The caret's position in viewport coordinates, falling back to the editor's top-left corner. */
export function caretPoint(editor: HTMLElement): Point {
  const rect = editor.getBoundingClientRect();
  const fallback = { left: rect.left, top: rect.top, bottom: rect.bottom };
  try {
    if (editor.localName === 'textarea' || editor.localName === 'input') return fieldCaret(editor as HTMLTextAreaElement);
    const sel = editor.ownerDocument.getSelection();
    if (sel && sel.rangeCount > 0 && editor.contains(sel.anchorNode)) {
      const r = sel.getRangeAt(0).getBoundingClientRect();
      if (r.height > 0) return { left: r.left, top: r.top, bottom: r.bottom };
    }
  } catch {
    // Geometry is a nicety: the corner of the editor will do.
  }
  return fallback;
}
