// Finds this frame's chat input: every usable editable (open shadow roots
// included) is scored, and the best one wins.
import { deepActiveElement, deepElements } from './deep-dom';
import { editableRoot, isUsableEditable } from './editor-kind';
import { lastFocusedEditable } from './focus-history';
import { browserLayout, scoreEditable, type Layout } from './score';

export interface ScoredInput {
  el: HTMLElement;
  score: number;
}

/** Every usable editable root in the document, shadow roots included. */
export function candidateEditables(doc: Document = document): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of deepElements(doc)) {
    if (el.localName === 'textarea' || el.localName === 'input' || el.hasAttribute('contenteditable')) {
      if (isUsableEditable(el) && editableRoot(el) === el) out.push(el as HTMLElement);
    }
  }
  return out;
}

/** The best-scoring chat input of this frame, or null when none scores above 0. */
export function findChatInput(doc: Document = document, layout: Layout = browserLayout): ScoredInput | null {
  const focused = editableRoot(deepActiveElement(doc));
  const focus = { focused, lastFocused: lastFocusedEditable() };
  let best: ScoredInput | null = null;
  for (const el of candidateEditables(doc)) {
    const score = scoreEditable(el, focus, layout);
    if (score > 0 && (!best || score > best.score)) best = { el, score };
  }
  return best;
}
