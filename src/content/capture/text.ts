// Reads what a message node says: its visible text with whitespace collapsed, without
// the chrome chat UIs put around it (times, names, avatars, receipts, buttons), and the
// author label it shows, kept apart.
import { contentImageOf } from './content-image';
import { classOf, holdsPaintedBubble, isHidden, paintsOwnBox, renderedChildNodes, type HiddenCheck } from './dom';
import { authorLabel, collapse, dateOnlyWords, emojiAlt, finish, isInSentence, isLabelOnly, linkAddress, QUOTE_CLOSE, QUOTE_OPEN, wordsTimeOf, type ElementRead, type ReadText } from '../../lib/capture/light-text';
import { isAuthorClass, isAvatarClass, isChromeClass, isQuoteClass } from '../../lib/capture/vocabulary';

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'INPUT', 'TEXTAREA',
  'SELECT', 'OPTION', 'TIME', 'IFRAME', 'OBJECT', 'PROGRESS', 'METER', 'DIALOG', 'LINK', 'META',
]);
const SKIP_ROLES = new Set(['button', 'toolbar', 'menu', 'menubar', 'menuitem', 'progressbar', 'status', 'tooltip', 'img', 'presentation']);
const BLOCK_TAGS = new Set([
  'DIV', 'P', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER',
  'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'ASIDE', 'MAIN', 'NAV', 'HR',
]);

export interface NodeText extends ReadText {
  /** Text nodes that make up `text`, for measuring where the words sit on screen. */
  textNodes: Text[];
}

/** The text nodes inside `el`, in document order. */
function textNodesIn(el: Element): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * A bare name above the bubble: a short leaf that opens the row, followed by the element holding
 * the message text and, apart from that text, its time or receipt. Widgets whose class names are
 * generated (CSS-in-JS) show author labels this way with nothing in the markup naming them. A
 * message's own short first line is followed by more lines, not by a bubble with its time.
 * A name already seen as an author in this list (`knownAuthors`), or one drawn beside the avatar
 * (react-chat-elements: avatar and name in one title line over the text), needs no time beside it:
 * chats show the time once per group of messages, or in CSS. So does a name over a painted bubble, outside it,
 * and one followed on its line by nothing but the time ("Sarah 22:50" over the bubble: @livechat/ui-kit).
 * Such a surely-a-name line over a bubble of only a picture (content-image.ts) is the author too.
 */
function isNameAboveBubble(el: Element, root: Element, knownAuthors?: ReadonlySet<string>): boolean {
  if (el.tagName !== 'DIV' && el.tagName !== 'SPAN') return false;
  const name = collapse(el.textContent ?? '');
  if (!name || name.length > 24 || /[.!?。！？,，;；]/.test(name) || name.split(' ').length > 4 || isLabelOnly(name)) return false;
  // The name may sit in wrappers of its own, or share one with nothing but the avatar or its time.
  let top = el;
  let besideAvatar = false;
  let besideTime = false;
  for (;;) {
    const parent = top.parentElement;
    if (!parent || parent === root) break;
    const others = Array.from(parent.children).filter((c) => c !== top);
    const after = others.filter((c) => top.compareDocumentPosition(c) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */);
    // A time right after the name on its line ("Sarah 22:50"): the line is the message's heading.
    const timeAfter = after.length > 0 && after.every((c) => labelText(c) !== null);
    if (top.nextElementSibling && !timeAfter) break;
    // Beside anything else with words, it is a line of the message.
    if (others.some((c) => collapse(c.textContent ?? '') !== '' && labelText(c) === null)) break;
    if (others.some(isAvatar)) besideAvatar = true;
    besideTime ||= timeAfter;
    top = parent;
  }
  const bubble = top.nextElementSibling;
  if (!bubble) return false;
  // A line outside the box the bubble paints, right above it, is no line of the message (sender
  // groups draw the name over the run of bubbles and the time after the last one).
  const known = besideAvatar || besideTime || (knownAuthors?.has(authorLabel(name) ?? '') ?? false) || (!paintsOwnBox(el) && holdsPaintedBubble(bubble));
  const doc = el.ownerDocument;
  let label: Element | null = null;
  const elements = doc.createTreeWalker(bubble, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = elements.nextNode() as Element | null, i = 0; n && i < 40 && !label; n = elements.nextNode() as Element | null, i++) {
    if (n.childElementCount === 0 && labelText(n) !== null) label = n;
  }
  if (!label && !known) return false;
  // The message text: not another label ("10:05 Seen" under a short message is no bubble), and
  // longer than the name unless the name is known. A time inside the message's own line ("I can
  // pay 500 <span>10:05</span>") is no sign.
  const texts = doc.createTreeWalker(bubble, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = texts.nextNode(); t; t = texts.nextNode()) {
    const text = collapse((t as Text).data);
    if (!text || isLabelOnly(text) || (!known && text.length <= name.length)) continue;
    if (!label || (!label.contains(t) && !t.parentElement?.contains(label))) return true;
  }
  // A picture sent without words, under a line that is surely a name.
  return known && contentImageOf(bubble, false) !== null;
}

/** Whether a text run is words, not a label (a time, a receipt). */
const heldWords = (data: string): boolean => {
  const t = collapse(data);
  return t !== '' && !isLabelOnly(t);
};

const textBeside = (n: Node | null): string => (n?.nodeType === 3 ? (n as Text).data : '');
/** Whether the time or date `el` shows is part of the sentence around it (isInSentence). */
const inSentence = (el: Element): boolean => isInSentence(textBeside(el.previousSibling), textBeside(el.nextSibling), el.textContent ?? '');

/** The element's text when it is only a label (a time, a receipt), else null. */
export function labelText(el: Element): string | null {
  const t = collapse(el.textContent ?? '');
  return t !== '' && isLabelOnly(t) ? t : null;
}

/** An avatar: an image, or an element named so or holding one. */
function isAvatar(el: Element): boolean {
  return el.tagName === 'IMG' || isAvatarClass(classOf(el)) || el.querySelector('img') !== null;
}

function isSrOnly(cls: string): boolean {
  return /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|a11y-hidden|offscreen)(?:\s|$)/.test(cls);
}

export interface ReadNodeOptions {
  /** Told what reading did with each element (a row template records it). */
  actions?: Map<Element, ElementRead>;
  /** A site adapter's time label: left out. */
  skipSelector?: string;
  /** Author labels read in this list so far (isNameAboveBubble). */
  knownAuthors?: ReadonlySet<string>;
  /**
   * The class attributes of the parts that held a message's words in this list so far: reading
   * adds to it, and a lone time in one of them is words (wordsTimeOf), where class names say
   * nothing (hashed ones) and the row is read node by node (a sender group's bubble).
   */
  wordsClasses?: Set<string>;
}

/** How many class attributes of word-holding parts a list remembers (a chat's messages use a few). */
const MAX_WORDS_CLASSES = 50;

/**
 * The visible text of a message node. `root` itself is never skipped as chrome (its class may
 * well say "status-message"); its descendants are, and so are those matching `skipSelector` (a
 * site adapter's time label). `checkStyle` false skips computed-style checks (used where layout
 * is unavailable and for speed).
 */
export function readNodeText(root: Element, checkStyle: false | HiddenCheck = true, { actions, skipSelector, knownAuthors, wordsClasses }: ReadNodeOptions = {}): NodeText {
  const parts: string[] = [];
  const textNodes: Text[] = [];
  // Every text node read or left out as a label, in order: a row of only a date says it in one of them.
  const runs: Text[] = [];
  let author: string | null = null;
  // A lone time in the part that holds words (wordsTimeOf), and its text nodes.
  let wordsTime = null as { text: string; nodes: Text[] } | null;
  const record = (el: Element, read: ElementRead): void => void actions?.set(el, read);

  // `inQuote`: inside a quoted earlier message, whose name labels are not this message's author.
  const visit = (node: Node, depth: number, inQuote: boolean): void => {
    if (depth > 40) return;
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value.trim()) {
        parts.push(value);
        textNodes.push(node as Text);
        runs.push(node as Text);
      } else if (value) parts.push(' ');
      return;
    }
    if (!(node instanceof Element)) return;
    const el = node;
    let small = false;
    // A part whose class says name or chrome, set inside a sentence: read as words, and what its
    // class says is recorded so that a light reading of its markup checks the sentence again.
    let classed: 'author' | 'chrome' | null = null;
    if (el !== root) {
      // A <time> inside a sentence ("I will pay on <time>Dec 15</time>.") is read as words.
      if (SKIP_TAGS.has(el.tagName.toUpperCase()) && !(el.tagName === 'TIME' && inSentence(el))) return record(el, { kind: 'skip' });
      if (skipSelector && el.matches(skipSelector)) return record(el, { kind: 'skip' });
      if (el.tagName === 'IMG') {
        const alt = emojiAlt(el.getAttribute('alt'), classOf(el));
        if (alt) parts.push(alt);
        return record(el, { kind: 'img' });
      }
      const role = el.getAttribute('role');
      if (role && SKIP_ROLES.has(role)) return record(el, { kind: 'skip' });
      if (el.getAttribute('aria-hidden') === 'true' || (el as HTMLElement).hidden) return record(el, { kind: 'skip' });
      if (el.getAttribute('contenteditable') === 'true') return record(el, { kind: 'skip' });
      const cls = classOf(el);
      if (cls) {
        if (isSrOnly(cls)) return record(el, { kind: 'skip' });
        // In a quote, the name of whom it quotes is read with its words ("[quote: 我: …]").
        const named = isAuthorClass(cls);
        classed = named && !inQuote ? 'author' : !named && isChromeClass(cls) ? 'chrome' : null;
        // "尊敬的<span class="name">张伟</span>，您好", "您的账单<span class="status">已逾期</span>12天": words.
        if (classed && !inSentence(el)) {
          if (classed === 'author') author ??= authorLabel(el.textContent ?? '');
          return record(el, { kind: classed });
        }
      }
      if (!inQuote && author === null && textNodes.length === 0 && el.childElementCount === 0 && isNameAboveBubble(el, root, knownAuthors)) {
        author = authorLabel(el.textContent ?? '');
        return record(el, { kind: 'author' });
      }
      if (el.childElementCount <= 1) {
        small = true;
        const own = el.textContent ?? '';
        if (isLabelOnly(own) && !inSentence(el)) {
          const nodes = textNodesIn(el);
          runs.push(...nodes);
          if (!wordsTime) {
            const classes: string[] = [];
            for (let n: Element | null = el; n; n = n.childElementCount === 1 ? n.firstElementChild : null) classes.push(classOf(n));
            const held = !!wordsClasses && classes.some((c) => c && wordsClasses.has(c));
            const time = wordsTimeOf(classes, nodes.map((t) => t.data), held);
            if (time) wordsTime = { text: time, nodes: nodes.filter((t) => t.data.trim()) };
          }
          return record(el, { kind: 'timeskip' });
        }
      }
      // Computed style only for elements that carry attributes (class, style, hidden…): a bare <p>
      // or <span> is hidden by its ancestors, already checked, and the lookup is the costliest step.
      if (checkStyle && el.attributes.length > 0 && isHidden(el, checkStyle)) return record(el, { kind: 'skip' });
    }
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    const br = el.tagName === 'BR';
    const quote = el !== root && !inQuote && (el.tagName === 'BLOCKQUOTE' || isQuoteClass(classOf(el)));
    const read: ElementRead = classed ? { kind: classed } : quote ? { kind: 'descend', small, block, br, quote } : { kind: 'descend', small, block, br };
    record(el, read);
    if (block) parts.push(' ');
    if (br) return;
    if (quote) parts.push(QUOTE_OPEN);
    for (const child of renderedChildNodes(el)) {
      // Words right inside it: messages of this markup (this class) hold their words here (wordsTimeOf).
      if (read.kind === 'descend' && !read.words && child.nodeType === 3 && heldWords((child as Text).data)) {
        read.words = true;
        const cls = classOf(el);
        if (cls && wordsClasses && wordsClasses.size < MAX_WORDS_CLASSES) wordsClasses.add(cls);
      }
      visit(child, depth + 1, inQuote || quote);
    }
    if (el.tagName === 'A' && el !== root) {
      const address = linkAddress(el.getAttribute('href'), el.textContent ?? '');
      if (address) parts.push(address);
    }
    if (quote) parts.push(QUOTE_CLOSE);
    if (block) parts.push(' ');
  };
  visit(root, 0, false);
  const text = finish(parts);
  if (text) return { text, author, loneLabel: false, textNodes };
  if (wordsTime) return { text: wordsTime.text, author, loneLabel: true, textNodes: wordsTime.nodes };
  const date = dateOnlyWords(runs.map((t) => t.data));
  if (date === null) return { text, author, loneLabel: false, textNodes };
  return { text: date, author, loneLabel: true, textNodes: runs.filter((t) => collapse(t.data) === date).slice(0, 1) };
}
