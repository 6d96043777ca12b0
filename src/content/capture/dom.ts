// DOM helpers that see through open shadow roots: the children a user sees (the flat
// tree), a walk over every element of a document including open shadow trees, and the
// composed parent. Chat widgets are often web components, so every capture step uses these.

/** The element children as rendered: a host's shadow root children, slots' assigned elements. */
export function renderedChildren(el: Element | ShadowRoot): Element[] {
  const root = el instanceof Element && el.shadowRoot ? el.shadowRoot : el;
  const out: Element[] = [];
  for (const child of Array.from(root.children)) {
    if (child.tagName === 'SLOT') {
      const assigned = (child as HTMLSlotElement).assignedElements?.({ flatten: true }) ?? [];
      if (assigned.length) out.push(...assigned);
      else out.push(...Array.from(child.children));
    } else out.push(child);
  }
  return out;
}

/** The rendered child nodes (text and elements) of a node, through shadow roots and slots. */
export function renderedChildNodes(node: Node): Node[] {
  const base: Node = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
  const out: Node[] = [];
  for (const child of Array.from(base.childNodes)) {
    if (child instanceof Element && child.tagName === 'SLOT') {
      const assigned = (child as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      out.push(...(assigned.length ? assigned : Array.from(child.childNodes)));
    } else out.push(child);
  }
  return out;
}

/** The parent in the composed tree: the shadow host for a shadow root's top-level child. */
export function composedParent(node: Node): Node | null {
  const slot = node instanceof Element || node instanceof Text ? (node as Element).assignedSlot : null;
  if (slot) return slot.parentNode instanceof ShadowRoot ? slot.parentNode.host : slot.parentNode;
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent;
}

/** True when `inner` is `outer` or inside it in the composed tree. */
export function composedContains(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = composedParent(n)) if (n === outer) return true;
  return false;
}

/** Visits every element of `root` depth-first, descending into open shadow roots; stop by returning false. */
export function walkElements(root: Node, visit: (el: Element) => boolean | void, limit = 50_000): void {
  const stack: Node[] = [root];
  let seen = 0;
  while (stack.length) {
    const node = stack.pop()!;
    if (node instanceof Element) {
      if (++seen > limit) return;
      if (visit(node) === false) continue;
      if (node.shadowRoot) stack.push(node.shadowRoot);
    }
    const kids = (node as ParentNode).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** Every open shadow root under `root` (not counting `root` itself). */
export function openShadowRoots(root: Node): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  walkElements(root, (el) => {
    if (el.shadowRoot) found.push(el.shadowRoot);
  });
  return found;
}

/**
 * Short attribute names and values an element carries (data-sender="agent", from="visitor",
 * role…), as one string for vocabulary matching. Long or spaced values (texts, urls) are left out.
 * Test ids are read: widgets styled with generated class names (CSS-in-JS) often name their
 * parts nowhere else (data-testid="incoming-message").
 */
export function attributeText(el: Element, skip: ReadonlySet<string> = SKIP_ATTRS): string {
  const attrs = el.attributes;
  let s = '';
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    if (skip.has(a.name) || a.name.startsWith('on') || a.value === 'false') continue;
    const value = a.value.length <= 24 && !/\s/.test(a.value) ? a.value : '';
    s += ` ${a.name.replace(/^data-|^aria-/, '')} ${value}`;
  }
  return s;
}
const SKIP_ATTRS = new Set([
  'class', 'style', 'id', 'href', 'src', 'srcset', 'alt', 'title', 'placeholder', 'value', 'text', 'content', 'tabindex',
  'lang', 'dir', 'width', 'height', 'type', 'name', 'for', 'slot', 'part', 'is', 'draggable', 'contenteditable', 'spellcheck',
  'data-id', 'data-key', 'data-message-id', 'data-msg-id', 'aria-label', 'aria-labelledby', 'aria-describedby',
  'aria-hidden', 'aria-live', 'aria-atomic', 'aria-relevant', 'aria-busy', 'aria-setsize', 'aria-posinset', 'aria-level',
]);

/** An identifier escaped for a CSS selector (CSS.escape where there is one: jsdom has none). */
export function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/** The class attribute as a string (SVG elements keep theirs in an object). */
export function classOf(el: Element): string {
  const c = el.getAttribute('class');
  return c ?? '';
}

/** True when the element draws a box of its own (a background, a border, rounded corners): a bubble. */
export function paintsOwnBox(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const st = view.getComputedStyle(el);
  return (st.backgroundColor !== '' && !/^(?:transparent|rgba\(0, 0, 0, 0\))$/.test(st.backgroundColor)) || parseFloat(st.borderTopWidth) > 0 || parseFloat(st.borderTopLeftRadius) > 0;
}

/** True when the element, or one inside it a few levels down, paints a box around text: a bubble. */
export function holdsPaintedBubble(el: Element): boolean {
  let level: Element[] = [el];
  for (let depth = 0; depth < 4 && level.length; depth++) {
    for (const n of level) if (paintsOwnBox(n) && (n.textContent ?? '').trim()) return true;
    level = level.flatMap((n) => Array.from(n.children)).slice(0, 24);
  }
  return false;
}

/**
 * Which styles tell a hidden part: all of them, or 'display' alone when the whole list is drawn
 * invisible (a minimised chat panel): every part then inherits visibility: hidden, which says
 * nothing about it, while its messages are still the chat's.
 */
export type HiddenCheck = true | 'display';

/** True when the element is not rendered: hidden attribute, display:none, visibility:hidden (with `check` true). */
export function isHidden(el: Element, check: HiddenCheck = true): boolean {
  if ((el as HTMLElement).hidden) return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || (check === true && (style.visibility === 'hidden' || style.visibility === 'collapse'));
}

/** The element a list is drawn as: itself, or the host of its shadow root. */
export function hostOf(list: Element | ShadowRoot): Element {
  return list instanceof ShadowRoot ? list.host : list;
}

/** The check that tells a hidden part of `list`: display alone when the list itself is drawn with visibility hidden, parts and all. */
export function hiddenCheckOf(list: Element | ShadowRoot): HiddenCheck {
  const el = hostOf(list);
  const view = el.ownerDocument.defaultView;
  return view && view.getComputedStyle(el).visibility !== 'visible' ? 'display' : true;
}
