// When the page last scrolled, and when it last scrolled up. Older chat history is above: a
// virtualised list that swaps every row it draws for others just after a scroll up is showing
// older messages (the tracker places them before the recorded ones); after a scroll down, or
// with no scroll at all (another conversation opened), it is not.

export class ScrollWatch {
  /** Each scrolled element's (or the document's) last known scrollTop. */
  private tops = new WeakMap<EventTarget, number>();
  private last = -Infinity;
  private lastUp = -Infinity;

  constructor(
    private doc: Document,
    private now: () => number = Date.now,
  ) {}

  /** Notes how far `el` and its ancestors are scrolled, so the first scroll after this has a direction. */
  seed(el: Element): void {
    for (let n: Element | null = el, i = 0; n && i < 8; n = n.parentElement, i++) this.tops.set(n, n.scrollTop);
    const page = this.doc.scrollingElement;
    if (page) this.tops.set(this.doc, page.scrollTop);
  }

  /** A scroll event reached the document; `target` is what scrolled. */
  scrolled(target: EventTarget | null): void {
    this.last = this.now();
    if (!target) return;
    // Read in the scroll event, after layout: no layout is forced.
    const top = target === this.doc ? this.doc.scrollingElement?.scrollTop : (target as Partial<Element>).scrollTop;
    if (typeof top !== 'number') return;
    const before = this.tops.get(target);
    // Up is smaller, also in a column-reverse list (0 at its end, negative above).
    if (before !== undefined && top < before) this.lastUp = this.last;
    this.tops.set(target, top);
  }

  within(ms: number): boolean {
    return this.now() - this.last < ms;
  }

  upWithin(ms: number): boolean {
    return this.now() - this.lastUp < ms;
  }
}
