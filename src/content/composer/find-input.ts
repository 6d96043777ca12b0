// Finds this frame's chat input: the box a site adapter names, else every usable
// editable (open shadow roots included) is scored, and the best one wins.
import { adapterScope, adaptersInDocument } from '../../lib/capture/adapters';
import { deepActiveElement, deepElements } from './deep-dom';
import { editableRoot, isDesignModeBody, isUsableEditable } from './editor-kind';
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
  if (doc.body && isDesignModeBody(doc.body) && !out.includes(doc.body)) out.push(doc.body);
  return out;
}

/** Above any score scoreEditable gives: the box a site adapter names is the chat input. */
const ADAPTER_INPUT_SCORE = 200;

/** The chat box named by the site adapter of the platform in this document (before its first message too), when it is there and usable. */
function adapterInput(doc: Document, layout: Layout): HTMLElement | null {
  for (const adapter of adaptersInDocument(doc)) {
    const scope = adapterScope(doc, adapter);
    if (!adapter.input || !scope) continue;
    for (const el of Array.from(scope.querySelectorAll(adapter.input))) {
      const root = editableRoot(el);
      if (root && isUsableEditable(root) && layout.visible(root)) return root;
    }
  }
  return null;
}

/**
 * This frame's chat input: the box a site adapter names (on a platform's page, another box
 * focused last, a search field or a feedback form, must not take a suggestion meant for the
 * chat), else the best-scoring editable. Null when none scores above 0.
 */
export function findChatInput(doc: Document = document, layout: Layout = browserLayout): ScoredInput | null {
  const named = adapterInput(doc, layout);
  if (named) return { el: named, score: ADAPTER_INPUT_SCORE };
  const focused = editableRoot(deepActiveElement(doc));
  const focus = { focused, lastFocused: lastFocusedEditable() };
  let best: ScoredInput | null = null;
  for (const el of candidateEditables(doc)) {
    const score = scoreEditable(el, focus, layout);
    if (score > 0 && (!best || score > best.score)) best = { el, score };
  }
  return best;
}
