// Chats that group messages per sender (@livechat/ui-kit, the Intercom and Zendesk
// messengers): a row of the list is one sender's run, an avatar, a name, a time and a
// column of bubbles, and a reply joins the last row instead of adding one. Read row by row,
// a run is one message that grows by edits; this finds the bubbles, so that each one is
// read as a message of its own, and the rows without bubbles (notices, dates) as before.
import { isChromeClass, isNeverMessageClass } from '../../lib/capture/vocabulary';
import { composedParent, cssEscape, holdsPaintedBubble, hostOf, type HiddenCheck } from './dom';
import { readNodeText } from './text';

/** How deep below a row the column of bubbles may sit (row › wrapper › column › bubble). */
const MAX_DEPTH = 3;
/** Rows looked at, from the end of the list. */
const MAX_ROWS = 40;
/** Tags a bubble is never: a paragraph or a line of one message, a chip, a picture. */
const NOT_BUBBLE_TAGS = new Set(['P', 'SPAN', 'A', 'BUTTON', 'LI', 'BR', 'IMG', 'svg', 'STRONG', 'B', 'I', 'EM', 'SMALL', 'LABEL', 'TIME', 'PRE', 'CODE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The element a sibling stands for: itself, or below wrappers without a class that hold
 * nothing else (React apps wrap each item in a bare div).
 */
function coreOf(kid: Element): Element {
  let el = kid;
  for (let i = 0; i < 2 && !el.getAttribute('class') && el.childElementCount === 1; i++) el = el.firstElementChild!;
  return el;
}

/**
 * A selector for elements with any one of these classes on `tag`: CSS-in-JS gives one
 * component a class per style variant (the user's bubble and the agent's) beside the class
 * they share, and the run seen may be either sender's.
 */
function selectorOf(tag: string, classes: string[]): string {
  return classes.map((c) => `${tag.toLowerCase()}.${cssEscape(c)}`).join(', ');
}

/**
 * Two or more siblings of one tag and class list, each showing text in a box it paints (or
 * one inside it), one below the other: the bubbles of one sender's run. Clickable ones are
 * chips or cards, and class words of chrome (time, name, status…) are not messages.
 */
function bubbleRunIn(parent: Element, view: Window): string | null {
  const runs = new Map<string, { tag: string; classes: string; cores: Element[] }>();
  for (const kid of Array.from(parent.children)) {
    const core = coreOf(kid);
    const classes = core.getAttribute('class')?.trim();
    if (!classes || NOT_BUBBLE_TAGS.has(core.tagName)) continue;
    const key = `${core.tagName} ${classes}`;
    const run = runs.get(key);
    if (run) run.cores.push(core);
    else runs.set(key, { tag: core.tagName, classes, cores: [core] });
  }
  for (const { tag, classes, cores } of runs.values()) {
    if (cores.length < 2 || isChromeClass(classes) || isNeverMessageClass(classes)) continue;
    let above: DOMRect | null = null;
    const bubbles = cores.every((core) => {
      if (!(core.textContent ?? '').trim() || core.getAttribute('role') === 'button' || view.getComputedStyle(core).cursor === 'pointer' || !holdsPaintedBubble(core)) return false;
      const box = core.getBoundingClientRect();
      const below = !above || box.top >= above.bottom - 1;
      above = box;
      return below;
    });
    if (!bubbles) continue;
    // Only classes the run's bubbles alone carry here ("clearfix" or "row" would match more).
    const own = classes.split(/\s+/).filter((c) => Array.from(parent.querySelectorAll(selectorOf(tag, [c]))).every((el) => cores.some((core) => core.contains(el))));
    if (own.length) return selectorOf(tag, own);
  }
  return null;
}

/** The selector of the bubble run inside `row`, searched down to MAX_DEPTH; null when it holds none. */
export function bubbleRunOf(row: Element, view: Window): string | null {
  let level: Element[] = [row];
  for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
    const next: Element[] = [];
    for (const el of level) {
      const found = bubbleRunIn(el, view);
      if (found) return found;
      next.push(...Array.from(el.children));
    }
    level = next;
  }
  return null;
}

/**
 * The selector of the bubbles of a list whose rows are sender groups, or null when its rows
 * are messages. One row holding a run of bubbles is enough: a list whose rows are messages
 * has none, and a group of one bubble looks like a message until its sender says more.
 */
export function bubbleSelectorOf(rows: readonly Element[], view: Window): string | null {
  for (let i = rows.length - 1; i >= Math.max(0, rows.length - MAX_ROWS); i--) {
    const found = bubbleRunOf(rows[i], view);
    if (found) return found;
  }
  return null;
}

/** The bubbles of one row (the outermost matches: a quoted message inside a bubble is part of it). */
export function bubblesIn(row: Element, selector: string): Element[] {
  return Array.from(row.querySelectorAll(selector)).filter((el) => {
    const outer = el.parentElement?.closest(selector);
    return !outer || !row.contains(outer);
  });
}

/**
 * The author of the sender group `bubble` is in: the name drawn beside its bubbles (over the
 * run, outside them), or else the one its first bubble carries (@livechat/ui-kit puts it in
 * the first message's part); null when neither shows one. Only parts outside the bubbles and
 * the first bubble's own name label are read: another bubble's words are never taken for a name.
 */
export function groupAuthorOf(bubble: Element, list: Element | ShadowRoot, selector: string, styles: false | HiddenCheck, knownAuthors?: ReadonlySet<string>): string | null {
  const listHost = hostOf(list);
  let row: Node = bubble;
  for (let up = composedParent(row); up && up !== list && up !== listHost; up = composedParent(up)) row = up;
  if (row === bubble || !(row instanceof Element)) return null;
  const beside = readNodeText(row, styles, { skipSelector: selector, knownAuthors }).author;
  if (beside) return beside;
  const first = bubblesIn(row, selector)[0];
  return first ? readNodeText(first, styles, { knownAuthors }).author : null;
}
