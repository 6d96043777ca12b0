// Decides who said a message: votes from the adapter, class/attribute vocabulary on the
// message and the wrappers around it, accessible labels, the author label, where the
// words sit on screen (right-aligned bubbles are the user's), and notice-like text.
import type { Speaker } from '../../lib/evidence/types';
import type { SiteAdapter } from '../../lib/capture/adapters';
import { attributeText, classOf, composedParent, hostOf, paintsOwnBox, renderedChildren } from './dom';
import { labelText } from './text';
import { directionWordsIn, speakerOfAriaLabel, speakerWordsIn, isChromeClass } from '../../lib/capture/vocabulary';
import type { Alignment, Votes } from '../../lib/capture/votes';

function vote(votes: Votes, speakers: readonly Speaker[], weight: number): void {
  for (const s of new Set(speakers)) votes[s] += weight;
}

function labelOf(el: Element): string {
  const id = el.id && !/\d{3,}/.test(el.id) ? el.id : '';
  return `${classOf(el)} ${id} ${attributeText(el)}`;
}

/** Vocabulary votes of an element's class, id and data/aria attributes; its direction words (outgoing, incoming, current…) count again with `directionWeight`. */
function voteElement(votes: Votes, el: Element, weight: number, directionWeight: number): void {
  const label = labelOf(el);
  vote(votes, speakerWordsIn(label), weight);
  vote(votes, directionWordsIn(label), directionWeight);
}

/** The bubble around the text: the nearest element (up to the message) painted with a background or border. */
function bubbleOf(content: (Text | Element)[], item: Element): Element | null {
  if (!item.ownerDocument.defaultView) return null;
  let el: Element | null = content[0].parentElement;
  for (let i = 0; el && i < 8; el = el.parentElement, i++) {
    if (!content.every((t) => el!.contains(t))) continue;
    if (paintsOwnBox(el)) return el;
    if (el === item) return null;
  }
  return null;
}

/**
 * Where the message sits inside the list: 'right' when its bubble (or, without one, its words,
 * the text nodes of `content`, or its picture) hugs the right edge, 'left' the left one,
 * 'center' when narrow and centred. Null without layout.
 */
export function alignmentOf(content: (Text | Element)[], list: Element, item?: Element): Alignment {
  if (!content.length) return null;
  const box = list.getBoundingClientRect();
  if (box.width < 40) return null;
  let left = Infinity;
  let right = -Infinity;
  const bubble = item ? bubbleOf(content, item) : null;
  const bubbleBox = bubble?.getBoundingClientRect();
  const wide = !!bubbleBox && bubbleBox.width >= box.width * 0.92;
  if (bubbleBox && bubbleBox.width > 0 && !wide) {
    left = bubbleBox.left;
    right = bubbleBox.right;
  } else {
    // No painted bubble, or one as wide as the list: where the words sit.
    const range = list.ownerDocument.createRange();
    for (const t of content.slice(0, 20)) {
      let r: DOMRect;
      if (t instanceof Element) r = t.getBoundingClientRect();
      else {
        range.selectNodeContents(t);
        r = range.getBoundingClientRect();
      }
      if (!r.width) continue;
      left = Math.min(left, r.left);
      right = Math.max(right, r.right);
    }
  }
  if (!Number.isFinite(left) && !wide) return null;
  // Words wrapped in a bubble as wide as the list start at its left edge and end ragged: they
  // tell no side. Words centred in it do: a notice drawn across the list ("客服小李已接入会话"
  // between two rules), which the list's other parts must not give their side.
  const side = Number.isFinite(left) ? sideOf(left, right, box) : null;
  const found = wide && side !== 'center' ? null : side;
  if (found || !item) return found;
  // A bubble as wide as the list (a long line in a wide font): its avatar, name and time say the
  // side, or else the list's other parts, when they all keep to one (the list is then a sender
  // group's column: the user's opening run, before the agent's first reply).
  if (item.parentElement === list) return sideOfGroupParts(item, box) ?? (wide ? sideOfGroupParts(list, box) : null);
  // A bubble of a sender group, as wide as its group lets it be: the group says the side.
  let row: Element = item;
  while (row.parentElement && row.parentElement !== list) row = row.parentElement;
  if (row.parentElement !== list) return null;
  const rowBox = row.getBoundingClientRect();
  if (rowBox.width > 0 && rowBox.width < box.width * 0.92) return sideOf(rowBox.left, rowBox.right, box);
  return sideOfGroupParts(row, box);
}

/**
 * The side a sender group's parts keep to: its avatar, its time and name labels, its painted
 * bubbles (one short bubble is enough; long ones span the width). Null when they disagree or none tells.
 */
function sideOfGroupParts(row: Element, box: DOMRect): Alignment {
  return oneSideOf(groupPartBoxes(row), box);
}

function* groupPartBoxes(row: Element): Generator<DOMRect> {
  const walker = row.ownerDocument.createTreeWalker(row, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let el = walker.nextNode() as Element | null, i = 0; el && i < 60; el = walker.nextNode() as Element | null, i++) {
    if (el.tagName === 'IMG' || (el.childElementCount === 0 && labelText(el) !== null) || paintsOwnBox(el)) yield el.getBoundingClientRect();
  }
}

/** The one side of the list `box` that the boxes which hug a side keep to; null when none does or they disagree. */
export function oneSideOf(boxes: Iterable<DOMRect>, box: DOMRect): 'left' | 'right' | null {
  let found: 'left' | 'right' | null = null;
  for (const r of boxes) {
    const side = r.width ? sideOf(r.left, r.right, box) : null;
    if (side !== 'left' && side !== 'right') continue;
    if (found && found !== side) return null;
    found = side;
  }
  return found;
}

/** Which side of the list `box` the span from `left` to `right` hugs. */
function sideOf(left: number, right: number, box: DOMRect): Alignment {
  const gapLeft = left - box.left;
  const gapRight = box.right - right;
  const slack = box.width * 0.12;
  const diff = gapLeft - gapRight;
  if (diff > slack) return 'right';
  if (-diff > slack) return 'left';
  if (Math.abs(diff) < slack / 2 && gapLeft > slack && gapRight > slack) return 'center';
  return null;
}

/**
 * The votes of the markup alone: adapter rules, class and attribute vocabulary of the message,
 * its wrappers and the bubble chain inside, its accessible label. Rows of the same markup get
 * the same ones, which is what lets row-templates.ts reuse them.
 */
export function markupVotes(item: Element, list: Element | ShadowRoot, adapter: SiteAdapter | null): Votes {
  const votes: Votes = { agent: 0, user: 0, system: 0 };
  if (adapter) {
    for (const rule of adapter.speaker) {
      if (item.matches(rule.selector) || item.querySelector(rule.selector)) {
        votes[rule.speaker] += 100;
        return votes;
      }
    }
  }
  // The message element and the wrappers between it and the list.
  const listHost = hostOf(list);
  let depth = 0;
  for (let n: Node | null = item; n && n !== listHost && depth < 4; n = composedParent(n), depth++) {
    if (n instanceof Element) voteElement(votes, n, depth === 0 ? 10 : 8, 10);
  }
  // The bubble chain inside it: elements down four levels (rows are often wrapped: row, box,
  // container, card) that are not chrome (avatars, names, times).
  const inner: Element[] = [];
  const collect = (el: Element, level: number) => {
    for (const child of renderedChildren(el)) {
      if (inner.length >= 16) return;
      if (isChromeClass(classOf(child))) continue;
      inner.push(child);
      if (level < 4) collect(child, level + 1);
    }
  };
  collect(item, 1);
  for (const el of inner) voteElement(votes, el, 4, 4);

  const label = item.getAttribute('aria-label') ?? item.getAttribute('title') ?? '';
  const fromLabel = speakerOfAriaLabel(label);
  if (fromLabel) votes[fromLabel] += 8;
  return votes;
}
