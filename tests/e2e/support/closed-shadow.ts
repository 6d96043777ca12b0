// Reading what the content script draws in closed shadow roots (the quick-insert search, the
// picker's tip): the page cannot, but the DevTools protocol pierces them.
import type { Page } from 'playwright-core';

type DomNode = { nodeId: number; nodeType: number; nodeValue?: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };

export interface ClosedShadowElement {
  attr(name: string): string | null;
  /** Its text nodes, joined. */
  text: string;
  /** The computed values of the style properties asked for, e.g. 'background-color'. */
  style: Record<string, string | undefined>;
}

/**
 * The first element of `page`'s top document, closed shadow roots included, whose class attribute
 * is `className`, with the computed `styles` asked for.
 */
export async function closedShadowElement(page: Page, className: string, styles: string[] = []): Promise<ClosedShadowElement> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const attrOf = (n: DomNode, name: string) => {
      const attrs = n.attributes ?? []; // [name, value, name, value…]
      const at = attrs.indexOf(name);
      return at % 2 === 0 ? attrs[at + 1] : null;
    };
    const find = (n: DomNode): DomNode | null => {
      if (attrOf(n, 'class') === className) return n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return null;
    };
    const textOf = (n: DomNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(textOf).join(''));
    const el = find(root);
    if (!el) throw new Error(`no element of class "${className}" in the page`);
    const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: el.nodeId });
    const style = Object.fromEntries(styles.map((name) => [name, computedStyle.find((p) => p.name === name)?.value]));
    return { attr: (name) => attrOf(el, name), text: textOf(el), style };
  } finally {
    await cdp.detach();
  }
}
