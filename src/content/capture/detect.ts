// Finds the chat's message list in a document: a site adapter first, then the area the
// user picked, then ARIA (role=log, live regions, feeds), then the container whose
// children are many similar, text-bearing siblings that speak of messages. Looks into
// open shadow roots. Returns null on pages without a chat, so those frames stay idle, and
// on pages whose frame holds a known platform's chat (that frame records it).
import type { SiteAdapter } from '../../lib/capture/adapters';
import { adapterInChildFrame, adapterInDocument, SITE_ADAPTERS } from '../../lib/capture/adapters';
import { attributeText, classOf, composedParent, hostOf, renderedChildren, walkElements } from './dom';
import { bubblesIn } from './sender-groups';
import { oneSideOf } from './speaker';
import { collapse, isLabelOnly } from '../../lib/capture/light-text';
import { directionWordsIn, hasItemWord, hasMessageWord, isAuthorClass, isAvatarClass, isNeverMessageClass, memo, speakerWordsIn, wordsOf } from '../../lib/capture/vocabulary';

export interface ChatList {
  /** The element (or shadow root) whose children are the messages. */
  container: Element | ShadowRoot;
  adapter: SiteAdapter | null;
  source: 'adapter' | 'picked' | 'aria' | 'heuristic';
  score: number;
  /** How many of its children repeat one message-like pattern: the evidence a heuristic list stands on. */
  repeatedRows?: number;
  /** Its rows are sender groups (sender-groups.ts): the selector of the bubbles in them, each one message. */
  bubbles?: string;
}

export interface DetectOptions {
  pickedSelector?: string | null;
  host?: string;
  adapters?: readonly SiteAdapter[];
  /** Whether layout can be measured (false in jsdom). */
  layout?: boolean;
}

/** Separator of the picker's selectors between a shadow host and a selector inside its shadow root. */
export const SHADOW_SEPARATOR = ' >>> ';

/** Resolves a selector that may cross open shadow roots ("app-chat >>> .log"). */
export function resolveDeepSelector(doc: Document, selector: string): Element | null {
  let scope: Document | ShadowRoot = doc;
  let found: Element | null = null;
  for (const part of selector.split(SHADOW_SEPARATOR)) {
    try {
      found = scope.querySelector(part);
    } catch {
      return null;
    }
    if (!found) return null;
    if (found.shadowRoot) scope = found.shadowRoot;
  }
  return found;
}

const STATE_WORDS = new Set(['active', 'new', 'last', 'first', 'selected', 'odd', 'even', 'show', 'shown', 'visible', 'hover', 'focus', 'highlight', 'highlighted', 'unread', 'read', 'pending', 'sending', 'sent', 'failed', 'grouped', 'continued', 'consecutive', 'same', 'animate', 'animated', 'enter', 'done', 'is', 'has', 'with', 'no', 'top', 'bottom', 'middle', 'single', 'only', 'alone', 'start', 'end', 'group']);
// Class names with these words are enter/leave animation states (Vue <transition-group>, React
// transition libraries) that come and go on a message row: not part of what makes rows alike.
const MOTION_WORDS = new Set(['fade', 'enter', 'leave', 'appear', 'transition', 'animate', 'animated', 'animation', 'slide', 'zoom', 'bounce', 'move']);
// Class words of the parts around a message list: its header, title bar, composer.
const NOT_LIST_WORDS = new Set(['header', 'head', 'title', 'titlebar', 'toolbar', 'footer', 'composer', 'input', 'nav', 'navbar', 'menu', 'profile', 'avatar', 'status', 'actions', 'buttons', 'tabs', 'breadcrumb', 'pagination']);
const INLINE_TAGS = new Set(['SPAN', 'STRONG', 'B', 'I', 'EM', 'A', 'SMALL', 'LABEL', 'IMG', 'BR', 'CODE', 'TIME', 'ABBR', 'SUP', 'SUB', 'MARK', 'U', 'S']);
const BAD_ROLES = new Set(['navigation', 'menu', 'menubar', 'listbox', 'tablist', 'tree', 'toolbar', 'grid', 'combobox', 'banner', 'contentinfo']);
const BAD_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'SELECT', 'DATALIST', 'FORM', 'HEAD', 'svg', 'SVG', 'TABLE', 'THEAD', 'TBODY', 'TR', 'P', 'SPAN', 'A', 'BUTTON', 'LABEL', 'UL']);

/** Tag and class words of a child, without speaker, state and generated (digit-bearing) words. */
function signatureOf(el: Element): string {
  return signatureOfTagAndClass(`${el.tagName} ${classOf(el)}`);
}
// Memoised: a long chat's rows share a few class lists, and detection compares every row's.
const signatureOfTagAndClass = memo((tagAndClass: string): string => {
  const space = tagAndClass.indexOf(' ');
  const classes = tagAndClass.slice(space + 1).split(/\s+/).filter((cls) => !wordsOf(cls).some((w) => MOTION_WORDS.has(w)));
  const words = wordsOf(classes.join(' ')).filter((w) => !/\d/.test(w) && !STATE_WORDS.has(w) && speakerWordsIn(w).length === 0);
  return `${tagAndClass.slice(0, space)}.${[...new Set(words)].sort().join('.')}`;
});

/** True when the element shows any text (stops at the first non-blank text node, instead of joining a whole subtree). */
function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) return true;
  return el.shadowRoot ? (el.shadowRoot.textContent ?? '').trim().length > 0 : false;
}

function insideChrome(el: Element): boolean {
  for (let n: Node | null = el, i = 0; n && i < 12; n = composedParent(n), i++) {
    if (!(n instanceof Element)) continue;
    if (n.tagName === 'NAV' || n.tagName === 'FOOTER' || n.tagName === 'HEADER') return true;
    const role = n.getAttribute('role');
    if (role && BAD_ROLES.has(role)) return true;
  }
  return false;
}

/**
 * True when an element close above names one sender's message ("message-group--outgoing",
 * "msg-row user"): what is inside is that message's or sender group's bubbles, not the list,
 * however well the bubbles repeat while the chat holds the one group.
 */
function insideOneSendersMessage(el: Element): boolean {
  let n: Node | null = composedParent(el);
  for (let i = 0; n instanceof Element && i < 3; n = composedParent(n), i++) {
    const label = labelOf(n);
    if (hasItemWord(label) && (speakerWordsIn(label).length > 0 || directionWordsIn(label).length > 0)) return true;
  }
  return false;
}

/**
 * True when the element is a part of one of several rows of the same make: a row beside the
 * one it sits in (one or two levels up) holds a part of its exact tag and class. A sender group's
 * column of bubbles, with generated class names: its bubbles look like a list's rows on both
 * sides while the chat holds that group alone; once another group is drawn beside it, it is not
 * taken for the list again.
 */
function insideRepeatedRow(el: Element): boolean {
  const cls = el.getAttribute('class')?.trim();
  if (!cls) return false;
  const twinBelow = (n: Element, depth: number): boolean =>
    Array.from(n.children)
      .slice(0, 8)
      .some((k) => (depth === 1 ? k.tagName === el.tagName && k.getAttribute('class')?.trim() === cls : twinBelow(k, depth - 1)));
  let row: Element | null = el.parentElement;
  for (let depth = 1; row && depth <= 2; row = row.parentElement, depth++) {
    for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
      let s = row[step];
      for (let i = 0; s && i < 4; s = s[step], i++) if (twinBelow(s, depth)) return true;
    }
  }
  return false;
}

/** Class and short attributes of an element, for vocabulary matching. */
function labelOf(el: Element): string {
  return `${classOf(el)} ${attributeText(el)}`;
}

/**
 * True when a child of a candidate list reads as one message: its class or attributes (or
 * those of its first child, for rows wrapped in a keyed or animated div) name a message or a speaker.
 */
function looksLikeMessageRow(k: Element): boolean {
  const own = labelOf(k);
  if (hasItemWord(own) || speakerWordsIn(own).length > 0) return true;
  const first = k.firstElementChild;
  if (!first) return false;
  const inner = labelOf(first);
  return hasItemWord(inner) || speakerWordsIn(inner).length > 0;
}

const TEXT_BOX = 'textarea, input[type=text], input:not([type]), [contenteditable=""], [contenteditable="true"]';

/** The chat box, or a part that holds it: a list of messages never contains the composer. */
function isComposer(k: Element): boolean {
  return /^(?:FORM|TEXTAREA|INPUT)$/.test(k.tagName) || k.querySelector(TEXT_BOX) !== null;
}

/** A text box in the panel around `el` (up to four levels above it): where a chat's composer sits. */
function composerNearby(el: Element): boolean {
  let n = el.parentElement;
  for (let i = 0; n && i < 4; n = n.parentElement, i++) if (n.querySelector(TEXT_BOX)) return true;
  return false;
}

/**
 * Rows on both sides of the container, some hugging its left edge and some its right: the
 * turns of a conversation, however the markup names them (generated class names, no roles).
 */
function rowsOnBothSides(c: Element, rows: Element[]): boolean {
  const box = c.getBoundingClientRect();
  if (box.width < 120) return false;
  let left = false;
  let right = false;
  for (const row of rows.slice(-12)) {
    const side = sideOfLines(row, box);
    left ||= side === 'left';
    right ||= side === 'right';
    if (left && right) return true;
  }
  return false;
}

/**
 * The side a row's lines of text keep to: a line short enough to leave room on one side shows
 * it (a long reply wraps across the whole width, its last line does not). Null when none
 * does, or when lines keep to both.
 */
function sideOfLines(row: Element, box: DOMRect): 'left' | 'right' | null {
  return oneSideOf(lineBoxes(row), box);
}

/** The boxes of the lines of a row's first twenty texts. */
function* lineBoxes(row: Element): Generator<DOMRect> {
  const doc = row.ownerDocument;
  const range = doc.createRange();
  const texts = doc.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = texts.nextNode(), i = 0; t && i < 20; t = texts.nextNode(), i++) {
    if (!(t as Text).data.trim()) continue;
    range.selectNodeContents(t);
    yield* Array.from(range.getClientRects());
  }
}

/** A header, navigation or toolbar beside the list: its presence among the children marks the panel around the list. */
function isPanelChrome(k: Element): boolean {
  if (k.tagName === 'HEADER' || k.tagName === 'NAV' || k.tagName === 'FOOTER') return true;
  const role = k.getAttribute('role');
  if (role === 'banner' || role === 'toolbar' || role === 'navigation') return true;
  return wordsOf(classOf(k)).some((w) => w === 'header' || w === 'navbar' || w === 'toolbar' || w === 'titlebar' || w === 'footer');
}

/** An avatar or a name label: the parts of one message, never rows of a list. */
function isMessagePart(k: Element): boolean {
  const cls = classOf(k);
  return cls !== '' && (isAuthorClass(cls) || isAvatarClass(cls));
}

const BLOCK_ROW_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'LI', 'ASIDE', 'FIGURE']);

interface Assessment {
  score: number;
  /** The children that repeat one message-like pattern (two or more), when there are such. */
  rows: Element[];
  /** The signature those rows share. */
  rowSignature: string;
}

/** How much a container looks like a chat's message list, and which of its children are its repeated rows. */
function assessContainer(c: Element | ShadowRoot): Assessment {
  const none: Assessment = { score: 0, rows: [], rowSignature: '' };
  const el = hostOf(c);
  const role = el.getAttribute('role') ?? '';
  const live = el.getAttribute('aria-live');
  const isLog = role === 'log';
  const isLive = live === 'polite' || live === 'assertive';
  const label = `${classOf(el)} ${el.id} ${el.getAttribute('aria-label') ?? ''} ${attributeText(el)}`;
  const containerWords = hasMessageWord(label);
  const allKids = renderedChildren(c);
  // A <span> may hold block rows (a Vue <transition-group> renders one); other inline or table tags do not.
  const blockSpan = el.tagName === 'SPAN' && allKids.length >= 2 && allKids.filter((k) => BLOCK_ROW_TAGS.has(k.tagName)).length / allKids.length > 0.8;
  if (!isLog && BAD_TAGS.has(el.tagName) && !containerWords && !blockSpan) return none;
  if (BAD_ROLES.has(role) || (!isLog && (insideChrome(el) || insideOneSendersMessage(el)))) return none;
  if (!isLog && (wordsOf(classOf(el)).some((w) => NOT_LIST_WORDS.has(w)) || /顶部|标题|头部|底部|输入/.test(classOf(el)))) return none;

  const kids = allKids.slice(-80);
  // A typing indicator or loader among the children is never a message row (chatscope keeps its
  // typing bubble beside the scroller that holds the rows: counted, it made the pair look like a list).
  const textKids = kids.filter((k) => k.tagName !== 'SCRIPT' && k.tagName !== 'STYLE' && !isNeverMessageClass(classOf(k)) && hasText(k));
  const bySig = new Map<string, Element[]>();
  let messageWordKids = 0;
  let linkKids = 0;
  let composerKids = 0;
  let panelKids = 0;
  let partKids = 0;
  const speakers = new Set<string>();
  for (const k of kids) {
    if (isComposer(k)) composerKids++;
    else if (isPanelChrome(k)) panelKids++;
  }
  for (const k of textKids) {
    const sig = signatureOf(k);
    const group = bySig.get(sig);
    if (group) group.push(k);
    else bySig.set(sig, [k]);
    const attrs = labelOf(k);
    if (looksLikeMessageRow(k)) messageWordKids++;
    if (isMessagePart(k)) partKids++;
    for (const s of speakerWordsIn(attrs)) speakers.add(s);
    const first = k.firstElementChild;
    if (first) for (const s of speakerWordsIn(classOf(first))) speakers.add(s);
    if (k.tagName === 'A' || (k.children.length === 1 && k.firstElementChild?.tagName === 'A' && (k.textContent ?? '').trim() === (k.firstElementChild.textContent ?? '').trim())) linkKids++;
  }
  // One bubble followed by its own time or receipt (and its action buttons) is one message, not
  // a list: vue-advanced-chat's card of a message now and then outscored the list while the first
  // messages arrived. A list's one message comes after its date line, if any, not before.
  if (!isLog && !isLive && textKids.length >= 2 && textKids.length <= 3) {
    const content = textKids.filter((k) => !isLabelOnly(collapse(k.textContent ?? '')));
    if (content.length === 1 && textKids.indexOf(content[0]) === 0) return none;
  }
  // A wrapper around the real list (a scroller holding one canvas of rows) is not the list:
  // one text-bearing child is a list only when that child reads as a message itself.
  if (textKids.length === 1 && !isLog && !isLive) {
    const only = textKids[0];
    if (!looksLikeMessageRow(only)) return none;
    const rows = renderedChildren(only);
    if (rows.some((g) => hasItemWord(classOf(g)) || speakerWordsIn(labelOf(g)).length > 0)) return none;
  }
  let largest: Element[] = [];
  let largestSig = '';
  for (const [sig, group] of bySig) {
    if (group.length > largest.length) {
      largest = group;
      largestSig = sig;
    }
  }
  const similar = largest.length;
  const wordSignal = isLog || containerWords || messageWordKids > 0 || speakers.size > 0 || (isLive && textKids.length > 0);
  // Without words, the layout: repeated rows on both sides beside a text box. Measured only then (it forces a layout).
  const sided = !wordSignal && similar >= 2 && composerNearby(el) && rowsOnBothSides(el, largest) && !insideRepeatedRow(el);
  const chatSignal = wordSignal || sided;
  if (!chatSignal) return none;
  if (!isLog && similar < 2 && !(containerWords && textKids.length >= 1) && !(isLive && containerWords)) return none;
  let score = 0;
  if (isLog) score += 30;
  if (isLive) score += 8;
  if (role === 'feed') score += 10;
  if (containerWords) score += 8;
  score += Math.min(similar, 20) * 1.5 + Math.min(messageWordKids, 20);
  score += speakers.size >= 2 || sided ? 12 : speakers.size ? 4 : 0;
  if (textKids.length && linkKids / textKids.length > 0.6) score -= 20;
  // The chat panel around the list (header, list, composer) is not the list.
  if (composerKids) score -= 20;
  if (panelKids) score -= 12;
  // Avatars and name labels are the parts of one message: their parent is a message, not the
  // list. Beside one lone bubble (a chat's first message, seen by an early look) they settle it,
  // an avatar with no text as well (Ant Design X: avatar and content side by side in the bubble).
  if (kids.some(isMessagePart) && similar < 2) return none;
  if (partKids) score -= 20;
  // Messages are rows; a line of inline bits (a name, a status, a clock) is a label.
  if (textKids.length && textKids.filter((k) => INLINE_TAGS.has(k.tagName)).length / textKids.length > 0.5) score -= 10;
  const view = el.ownerDocument.defaultView;
  if (view && /auto|scroll/.test(view.getComputedStyle(el).overflowY)) score += 4;
  if (score <= 0) return none;
  const rows = similar >= 2 && largest.filter(looksLikeMessageRow).length >= 2 ? largest : [];
  return { score, rows, rowSignature: rows.length ? largestSig : '' };
}

/** How much a container looks like a chat's message list; 0 when it does not. */
export function scoreContainer(c: Element | ShadowRoot): number {
  return assessContainer(c).score;
}

/**
 * The best-scoring message list under `root` (a document, a picked element or shadow root).
 * Once a container's children repeat one message-like pattern, nothing inside those rows is
 * a candidate: they are messages, and a message's insides (bubble, name, avatar) are no list.
 */
function bestUnder(root: Node, include: boolean): ChatList | null {
  let best: ChatList | null = null;
  const insideRows = new WeakSet<Element>();
  walkElements(root, (el) => {
    if (insideRows.has(el)) return false;
    if (el === root && !include) return;
    const kids = el.shadowRoot ? el.shadowRoot.children.length : el.children.length;
    if (kids < 2 && el.getAttribute('role') !== 'log' && !el.hasAttribute('aria-live')) return;
    const c: Element | ShadowRoot = el.shadowRoot ?? el;
    const { score, rows, rowSignature } = assessContainer(c);
    if (score <= 0) return;
    if (rows.length) {
      // The assessment saw the last 80 children; every child of the same shape is a message too
      // (a chat showing 10,000 messages would otherwise have each of them scored as a list).
      for (const k of renderedChildren(c)) if (signatureOf(k) === rowSignature) insideRows.add(k);
    }
    if (!best || score > best.score) {
      const aria = el.getAttribute('role') === 'log';
      best = { container: c, adapter: null, source: aria ? 'aria' : 'heuristic', score, repeatedRows: rows.length };
    }
  });
  return best;
}

/** Finds this document's chat message list, or null. */
export function detectChatList(doc: Document, options: DetectOptions = {}): ChatList | null {
  const host = options.host ?? doc.location?.hostname ?? '';
  const fromAdapter = adapterInDocument(doc, host, options.adapters ?? SITE_ADAPTERS);
  if (fromAdapter) return { container: fromAdapter.list, adapter: fromAdapter.adapter, source: 'adapter', score: 100 };
  if (options.pickedSelector) {
    const picked = resolveDeepSelector(doc, options.pickedSelector);
    if (picked) {
      // The user may have pointed at the whole chat panel: prefer a list found inside it.
      const inside = bestUnder(picked, false);
      return inside && inside.score >= 12
        ? { ...inside, source: 'picked' }
        : { container: picked.shadowRoot ?? picked, adapter: null, source: 'picked', score: 100 };
    }
  }
  if (!doc.documentElement || adapterInChildFrame(doc, options.adapters ?? SITE_ADAPTERS)) return null;
  return bestUnder(doc.documentElement, true);
}

/** The messages of a list, in page order. */
export function itemsOf(list: ChatList): Element[] {
  if (list.adapter) {
    const scope = list.container;
    return Array.from(scope.querySelectorAll(list.adapter.message));
  }
  const rows = renderedChildren(list.container).filter((k) => !NOT_ITEM_TAGS.has(k.tagName));
  if (!list.bubbles) return rows;
  const items: Element[] = [];
  for (const row of rows) {
    const bubbles = bubblesIn(row, list.bubbles);
    if (bubbles.length) items.push(...bubbles);
    else items.push(row);
  }
  return items;
}
const NOT_ITEM_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'LINK']);

/** The message a node belongs to (the list's child that contains it), or null when outside the list. */
export function itemOf(list: ChatList, node: Node): Element | null {
  const listHost = hostOf(list.container);
  if (list.adapter) {
    for (let n: Node | null = node; n && n !== listHost; n = composedParent(n)) {
      if (n instanceof Element && n.matches(list.adapter.message)) return n;
    }
    return null;
  }
  let prev: Node | null = null;
  let bubble: Element | null = null;
  for (let n: Node | null = node; n; n = composedParent(n)) {
    if (n === listHost || n === list.container) {
      if (!(prev instanceof Element) || NOT_ITEM_TAGS.has(prev.tagName)) return null;
      if (!list.bubbles) return prev;
      // In a sender group, the bubble; a change to the group's own parts (its name, its time) is no message's.
      return bubble ?? (bubblesIn(prev, list.bubbles).length ? null : prev);
    }
    if (list.bubbles && n instanceof Element && n.matches(list.bubbles)) bubble = n;
    prev = n;
  }
  return null;
}
