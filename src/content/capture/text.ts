// Reads what a message node says: its visible text with whitespace collapsed, without
// the chrome chat UIs put around it (times, names, avatars, receipts, buttons), and the
// author label it shows, kept apart.
import { classOf, isHidden, renderedChildNodes } from './dom';
import { lightAttr, lightText, type LightElement, type LightNode } from './serialized-row';
import { isAuthorClass, isChromeClass, isReceiptOnly, isTimeOnly } from './vocabulary';

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'INPUT', 'TEXTAREA',
  'SELECT', 'OPTION', 'TIME', 'IFRAME', 'OBJECT', 'PROGRESS', 'METER', 'DIALOG', 'LINK', 'META',
]);
const SKIP_ROLES = new Set(['button', 'toolbar', 'menu', 'menubar', 'menuitem', 'progressbar', 'status', 'tooltip', 'img', 'presentation']);
const BLOCK_TAGS = new Set([
  'DIV', 'P', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER',
  'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'ASIDE', 'MAIN', 'NAV', 'HR',
]);

export interface NodeText {
  text: string;
  author: string | null;
  /** Text nodes that make up `text`, for measuring where the words sit on screen. */
  textNodes: Text[];
}

/** Collapses runs of whitespace to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u200b\u200c\u200d\ufeff]+/g, ' ').trim();
}

function isSrOnly(cls: string): boolean {
  return /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|a11y-hidden|offscreen)(?:\s|$)/.test(cls);
}

/** An inline image that stands for a character (emoji), whose alt is part of the text. */
function emojiAlt(alt: string | null, cls: string): string | null {
  if (!alt) return null;
  if (/emoji|emoticon|smiley|表情/i.test(cls) || /^\p{Extended_Pictographic}+$/u.test(alt) || /^\[[^\]]{1,6}\]$/.test(alt)) return alt;
  return null;
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
  | { kind: 'img' }
  | { kind: 'timeskip' }
  | { kind: 'descend'; small: boolean; block: boolean; br: boolean };

/** A small element that holds nothing but a time or a receipt is a label, whatever its class. */
function isLabelOnly(own: string): boolean {
  return own.length <= 32 && (isTimeOnly(own) || isReceiptOnly(own));
}

function authorLabel(textContent: string): string | null {
  const label = collapse(textContent);
  return label && label.length <= 40 && !isTimeOnly(label) ? label.replace(/[:：]$/, '') : null;
}

function finish(parts: string[]): string {
  const text = collapse(parts.join(''));
  return isTimeOnly(text) || isReceiptOnly(text) ? '' : text;
}

/**
 * The visible text of a message node. `root` itself is never skipped as chrome (its class may
 * well say "status-message"); its descendants are, and so are those matching `skipSelector` (a
 * site adapter's time label). `checkStyle` false skips computed-style checks (used where layout
 * is unavailable and for speed).
 */
export function readNodeText(root: Element, checkStyle = true, actions?: Map<Element, ElementRead>, skipSelector?: string): NodeText {
  const parts: string[] = [];
  const textNodes: Text[] = [];
  let author: string | null = null;
  const record = (el: Element, read: ElementRead): void => void actions?.set(el, read);

  const visit = (node: Node, depth: number): void => {
    if (depth > 40) return;
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value.trim()) {
        parts.push(value);
        textNodes.push(node as Text);
      } else if (value) parts.push(' ');
      return;
    }
    if (!(node instanceof Element)) return;
    const el = node;
    let small = false;
    if (el !== root) {
      if (SKIP_TAGS.has(el.tagName.toUpperCase())) return record(el, { kind: 'skip' });
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
        if (isAuthorClass(cls)) {
          author ??= authorLabel(el.textContent ?? '');
          return record(el, { kind: 'author' });
        }
        if (isChromeClass(cls)) return record(el, { kind: 'skip' });
      }
      if (el.childElementCount <= 1) {
        small = true;
        if (isLabelOnly(el.textContent ?? '')) return record(el, { kind: 'timeskip' });
      }
      // Computed style only for elements that carry attributes (class, style, hidden…): a bare <p>
      // or <span> is hidden by its ancestors, already checked, and the lookup is the costliest step.
      if (checkStyle && el.attributes.length > 0 && isHidden(el)) return record(el, { kind: 'skip' });
    }
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    const br = el.tagName === 'BR';
    record(el, { kind: 'descend', small, block, br });
    if (block) parts.push(' ');
    if (br) return;
    for (const child of renderedChildNodes(el)) visit(child, depth + 1);
    if (block) parts.push(' ');
  };
  visit(root, 0);
  return { text: finish(parts), author, textNodes };
}

/**
 * readNodeText over a row's light tree, doing with each element what `reads` (recorded from a
 * row of the same markup, by document-order index) says. Null when the recording does not
 * cover this row's case (a label that was a lone time there is a text here).
 */
export function readLightText(root: LightElement, reads: readonly (ElementRead | undefined)[]): { text: string; author: string | null } | null {
  const parts: string[] = [];
  let author: string | null = null;
  let covered = true;
  const visit = (node: LightNode, depth: number): void => {
    if (depth > 40 || !covered) return;
    if (typeof node === 'string') {
      if (node.trim()) parts.push(node);
      else if (node) parts.push(' ');
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
    if (read.kind === 'author') {
      author ??= authorLabel(lightText(node));
      return;
    }
    if (read.kind === 'timeskip') {
      if (!isLabelOnly(lightText(node))) covered = false;
      return;
    }
    if (read.small && isLabelOnly(lightText(node))) return;
    if (read.block) parts.push(' ');
    if (read.br) return;
    for (const child of node.children) visit(child, depth + 1);
    if (read.block) parts.push(' ');
  };
  visit(root, 0);
  return covered ? { text: finish(parts), author } : null;
}
