// Reads what a message node says: its visible text with whitespace collapsed, without
// the chrome chat UIs put around it (times, names, avatars, receipts, buttons), and the
// author label it shows, kept apart.
import { classOf, isHidden, renderedChildNodes } from './dom';
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
function emojiAlt(el: Element): string | null {
  const alt = el.getAttribute('alt');
  if (!alt) return null;
  const cls = classOf(el);
  if (/emoji|emoticon|smiley|表情/i.test(cls) || /^\p{Extended_Pictographic}+$/u.test(alt) || /^\[[^\]]{1,6}\]$/.test(alt)) return alt;
  return null;
}

/**
 * The visible text of a message node. `root` itself is never skipped as chrome (its class may
 * well say "status-message"); its descendants are. `checkStyle` false skips computed-style checks
 * (used where layout is unavailable and for speed).
 */
export function readNodeText(root: Element, checkStyle = true): NodeText {
  const parts: string[] = [];
  const textNodes: Text[] = [];
  let author: string | null = null;

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
    if (el !== root) {
      if (SKIP_TAGS.has(el.tagName.toUpperCase())) return;
      if (el.tagName === 'IMG') {
        const alt = emojiAlt(el);
        if (alt) parts.push(alt);
        return;
      }
      const role = el.getAttribute('role');
      if (role && SKIP_ROLES.has(role)) return;
      if (el.getAttribute('aria-hidden') === 'true' || (el as HTMLElement).hidden) return;
      if (el.getAttribute('contenteditable') === 'true') return;
      const cls = classOf(el);
      if (cls) {
        if (isSrOnly(cls)) return;
        if (isAuthorClass(cls)) {
          const label = collapse(el.textContent ?? '');
          if (label && label.length <= 40 && !author && !isTimeOnly(label)) author = label.replace(/[:：]$/, '');
          return;
        }
        if (isChromeClass(cls)) return;
      }
      // A small element that holds nothing but a time or a receipt is a label, whatever its class.
      if (el.childElementCount <= 1) {
        const own = el.textContent ?? '';
        if (own.length <= 32 && (isTimeOnly(own) || isReceiptOnly(own))) return;
      }
      // Computed style only for elements that carry attributes (class, style, hidden…): a bare <p>
      // or <span> is hidden by its ancestors, already checked, and the lookup is the costliest step.
      if (checkStyle && el.attributes.length > 0 && isHidden(el)) return;
    }
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    if (block) parts.push(' ');
    if (el.tagName === 'BR') return;
    for (const child of renderedChildNodes(el)) visit(child, depth + 1);
    if (block) parts.push(' ');
  };
  visit(root, 0);
  let text = collapse(parts.join(''));
  if (isTimeOnly(text) || isReceiptOnly(text)) text = '';
  return { text, author, textNodes };
}
