// DOM walking that also enters open shadow roots: chat widgets often put their
// input inside a web component, and plain querySelectorAll stops at the host.

/** Every element under `root`, including those inside open shadow roots (depth first). */
export function* deepElements(root: Document | ShadowRoot | Element): Generator<Element> {
  const stack: (Document | ShadowRoot | Element)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const children = node instanceof Element || node instanceof DocumentFragment || node instanceof Document ? node.children : [];
    if (node instanceof Element) {
      yield node;
      if (node.shadowRoot) stack.push(node.shadowRoot);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** The focused element, looking through open shadow roots (document.activeElement stops at the host). */
export function deepActiveElement(doc: Document = document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The parent of `el`, stepping out of a shadow root to its host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Whether `node` is `ancestor` or inside it, crossing shadow boundaries. */
export function composedContains(ancestor: Node, node: Node | null): boolean {
  for (let n: Node | null = node; n; ) {
    if (n === ancestor) return true;
    const root: Node = n.getRootNode();
    n = n.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return false;
}
