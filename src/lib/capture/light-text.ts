// Reading a message row's serialized light tree (serialized-row.ts) the way readNodeText in
// the content script reads its nodes, with what reading one row of the same markup recorded:
// the pure half of reading text, shared by the content script (rows it reads itself) and the
// background (rows the page sent as HTML, see row-template.ts).
import { lightAttr, lightText, type LightElement, type LightNode } from './serialized-row';
import { isChromeClass, isDateOnly, isListControl, isMarkOnly, isReceiptOnly, isTimeAndReceipt, isTimeOnly, isWordsClass } from './vocabulary';

/** Collapses runs of whitespace to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u200b\u200c\u200d\ufeff]+/g, ' ').trim();
}

/** An inline image that stands for a character (emoji), whose alt is part of the text. */
export function emojiAlt(alt: string | null, cls: string): string | null {
  if (!alt) return null;
  if (/emoji|emoticon|smiley|表情/i.test(cls) || /^\p{Extended_Pictographic}+$/u.test(alt) || /^\[[^\]]{1,6}\]$/.test(alt)) return alt;
  return null;
}

/**
 * What follows a link's words in a message: its address, " (https://…)". Where a link leads (an
 * application form, a payment page) is part of what was sent. Only absolute web addresses,
 * only after words (a picture wrapped in a link stays a picture), and not when the words
 * already show the address.
 */
export function linkAddress(href: string | null, words: string): string | null {
  const url = href?.trim() ?? '';
  if (!/^https?:\/\/\S+$/i.test(url)) return null;
  const shown = collapse(words);
  if (!shown || /^(?:https?:\/\/|www\.)/i.test(shown) || shown.includes(url.replace(/^https?:\/\//i, '').replace(/\/$/, ''))) return null;
  return ` (${url.length > 200 ? `${url.slice(0, 200)}…` : url})`;
}

/**
 * What reading did with an element, recorded so that rows of the same markup can be read
 * from their serialized HTML (readLightText) with the same outcome. 'small' elements were
 * kept after checking their text is not a lone time or receipt; 'timeskip' ones were dropped
 * for that reason, so what they would be otherwise is unknown.
 */
export type ElementRead =
  | { kind: 'skip' }
  | { kind: 'author' }
  // Left out for its class ("time", "status"), unless set inside a sentence (isInSentence).
  | { kind: 'chrome' }
  | { kind: 'img' }
  | { kind: 'timeskip' }
  // `words`: text right inside it was a message's words (not a label): the part of the markup
  // that holds words, which a lone time there is too (wordsTimeOf).
  | { kind: 'descend'; small: boolean; block: boolean; br: boolean; quote?: true; words?: true };

// Where a quoted earlier message starts and ends among a row's text parts; finish() writes them
// as "[quote: …]". Private-use characters, so no page text is taken for them.
export const QUOTE_OPEN = '\uE000';
export const QUOTE_CLOSE = '\uE001';
const EMPTY_QUOTE = new RegExp(`${QUOTE_OPEN}\\s*${QUOTE_CLOSE}`, 'g');
const QUOTE_START = new RegExp(`${QUOTE_OPEN}\\s*`, 'g');
const QUOTE_END = new RegExp(`\\s*${QUOTE_CLOSE}`, 'g');

/** Text that is a message's label, not its words: a time, a receipt, both, or a mark ("已编辑", "展开"). */
function isLabelText(text: string): boolean {
  return isTimeOnly(text) || isReceiptOnly(text) || isMarkOnly(text) || isTimeAndReceipt(text);
}

/** A small element that holds nothing but a label is one, whatever its class. */
export function isLabelOnly(own: string): boolean {
  return own.length <= 32 && isLabelText(own);
}

/**
 * A lone time in the part of a row that holds a message's words may be the words: "15:00" to
 * "what time can you pay?". `classes`: the class attributes of the element whose text is only
 * a time and of the elements each its only element child, down to one with none; none may name
 * chrome, such as a time. Some class must name words (isWordsClass), or, where class names say
 * nothing (hashed ones), `heldWords`: one of those elements held the words of earlier messages,
 * as the same element of a row of the same markup (what its template's read says, readLightText)
 * or as an element of the same class in the list (what readNodeText remembers). `runs`: its text
 * runs, of which one only may have words (a day with a time beside it is the day: dateOnlyWords).
 * The time, collapsed, or null. Both readers ask it of the same elements and text.
 */
export function wordsTimeOf(classes: readonly string[], runs: readonly string[], heldWords = false): string | null {
  if (!(heldWords || classes.some((c) => c && isWordsClass(c))) || classes.some((c) => c && isChromeClass(c))) return null;
  const words = runs.filter((r) => r.trim());
  if (words.length !== 1) return null;
  const t = collapse(words[0]);
  return isTimeOnly(t) ? t : null;
}

/**
 * Whether a time or date set apart in an element (`own`) is part of the sentence around it, given
 * the text right before and after it: "due <b>Dec 15</b>.", "还款日为<b>12月15日</b>，…",
 * "还款日：<b>12月15日</b>". Words on both sides, or words before a day or a colon. A clock time
 * at the end of the words ("好的<span>10:31</span>") is still the message's time.
 */
export function isInSentence(before: string, after: string, own: string): boolean {
  const b = before.trim();
  if (!b) return false;
  return after.trim() !== '' || /[:：]$/.test(b) || isDateOnly(collapse(own));
}

export function authorLabel(textContent: string): string | null {
  const label = collapse(textContent);
  return label && label.length <= 40 && !isTimeOnly(label) ? label.replace(/[:：]$/, '') : null;
}

/**
 * The text of a row's parts. A quoted message (a reply's "回复 我: …" block) is set apart as
 * "[quote: …]": its words were not said in this message, and its name is not this message's author.
 */
export function finish(parts: string[]): string {
  let text = collapse(parts.join(''));
  if (text.includes(QUOTE_OPEN)) text = collapse(text.replace(EMPTY_QUOTE, '').replace(QUOTE_START, ' [quote: ').replace(QUOTE_END, '] '));
  return isLabelText(text) || isListControl(text) ? '' : text;
}

/** The text runs of a light tree, in document order. */
function* lightStrings(node: LightNode): Generator<string> {
  if (typeof node === 'string') yield node;
  else for (const c of node.children) yield* lightStrings(c);
}

/**
 * The text of a row read (readLightText, readNodeText). `loneLabel`: every word of the row was a
 * label, and `text` is the one that may be the message's words when its markup or place says who
 * sent it: a lone time in the part that holds words (wordsTimeOf), else the first that is a day
 * ("12月15日", isDateOnly).
 */
export interface ReadText {
  text: string;
  author: string | null;
  loneLabel: boolean;
}

/** The first of a row's text runs that is a day, when every word of the row was left out as a label. */
export function dateOnlyWords(runs: readonly string[]): string | null {
  for (const run of runs) {
    const t = collapse(run);
    if (t && isDateOnly(t)) return t;
  }
  return null;
}

/**
 * readNodeText over a row's light tree, doing with each element what `reads` (recorded from a
 * row of the same markup, by document-order index) says. Null when the recording does not
 * cover this row's case (a label that was a lone time there is a text here).
 */
export function readLightText(root: LightElement, reads: readonly (ElementRead | undefined)[]): ReadText | null {
  const parts: string[] = [];
  // Every text run read or left out as a label, in order: a row of only a date says it in one of them.
  const runs: string[] = [];
  let author: string | null = null;
  let wordsTime: string | null = null;
  let covered = true;
  /** The lone time `node` says when it is a message's words (wordsTimeOf), asked of it and its only element children down the chain. */
  const wordsTimeIn = (node: LightElement, strings: string[]): string | null => {
    const classes: string[] = [];
    let heldWords = false;
    for (let n: LightElement | undefined = node; n; ) {
      classes.push(lightAttr(n, 'class') ?? '');
      const read = reads[n.index];
      if (read?.kind === 'descend' && read.words) heldWords = true;
      const inner: LightElement[] = n.children.filter((c): c is LightElement => typeof c !== 'string');
      n = inner.length === 1 ? inner[0] : undefined;
    }
    return wordsTimeOf(classes, strings, heldWords);
  };
  // `before`, `after`: the text runs right beside the node (a label between words is words).
  const visit = (node: LightNode, depth: number, before: string, after: string): void => {
    if (depth > 40 || !covered) return;
    if (typeof node === 'string') {
      if (node.trim()) {
        parts.push(node);
        runs.push(node);
      } else if (node) parts.push(' ');
      return;
    }
    const read = reads[node.index];
    if (!read) {
      covered = false;
      return;
    }
    if (read.kind === 'skip') return;
    if (read.kind === 'img') {
      const alt = emojiAlt(lightAttr(node, 'alt'), lightAttr(node, 'class') ?? '');
      if (alt) parts.push(alt);
      return;
    }
    if (read.kind === 'author' || read.kind === 'chrome') {
      // Inside a sentence it is words: node by node reads that.
      if (isInSentence(before, after, lightText(node))) covered = false;
      else if (read.kind === 'author') author ??= authorLabel(lightText(node));
      return;
    }
    if (read.kind === 'timeskip' || read.small) {
      const own = lightText(node);
      if (isLabelOnly(own) && !isInSentence(before, after, own)) {
        const strings = [...lightStrings(node)];
        runs.push(...strings);
        wordsTime ??= wordsTimeIn(node, strings);
        return;
      }
      // A lone time there, words here: node by node reads that.
      if (read.kind === 'timeskip') {
        covered = false;
        return;
      }
    }
    if (read.block) parts.push(' ');
    if (read.br) return;
    if (read.quote) parts.push(QUOTE_OPEN);
    visitChildren(node, depth);
    if (node.tag === 'a' && node !== root) {
      const address = linkAddress(lightAttr(node, 'href'), lightText(node));
      if (address) parts.push(address);
    }
    if (read.quote) parts.push(QUOTE_CLOSE);
    if (read.block) parts.push(' ');
  };
  const textOf = (n: LightNode | undefined): string => (typeof n === 'string' ? n : '');
  const visitChildren = (node: LightElement, depth: number): void =>
    node.children.forEach((child, i) => visit(child, depth + 1, textOf(node.children[i - 1]), textOf(node.children[i + 1])));
  visit(root, 0, '', '');
  if (!covered) return null;
  const text = finish(parts);
  const label = text ? null : (wordsTime ?? dateOnlyWords(runs));
  return { text: text || label || '', author, loneLabel: label !== null };
}
