// Watches a chat list (and every open shadow root inside it) for changes. The
// MutationObserver callback only collects what changed; the owner processes the collected
// set once per animation frame, so a page that mutates thousands of times a second costs
// little more than a Set insertion per mutation.

export interface Collected {
  /** Nodes whose content or children changed. */
  touched: Set<Node>;
  /** Elements were added or removed somewhere. */
  structural: boolean;
  /** Nodes added (only these can bring new shadow roots). */
  added: Set<Node>;
  /** Nodes that lost children (a list that only grew at its end has none: see the engine's appended pass). */
  removedFrom: Set<Node>;
}

const empty = (): Collected => ({ touched: new Set(), structural: false, added: new Set(), removedFrom: new Set() });

export class ListObserver {
  private observer: MutationObserver;
  private roots = new WeakSet<Node>();
  private collected: Collected = empty();
  private scheduled = false;
  private frameId: number | null = null;
  private timerId: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private win: Window,
    private onFlush: (c: Collected) => void,
  ) {
    const MO = (win as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
    this.observer = new MO((records) => this.collect(records));
  }

  /**
   * Starts watching `root` and, unless `deep` is false (the owner then looks into the parts it
   * has not read through a template, see observeShadowsIn), the open shadow roots inside it.
   */
  observe(root: Node, deep = true): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
    if (root instanceof Element && root.shadowRoot) this.observe(root.shadowRoot);
    if (!deep) return;
    const all = (root as ParentNode).querySelectorAll?.('*') ?? [];
    for (let i = 0; i < all.length; i++) {
      const inner = all[i].shadowRoot;
      if (inner) this.observe(inner);
    }
  }

  /** Watches open shadow roots inside newly added nodes (a MutationObserver does not see into them). */
  observeShadowsIn(node: Node): void {
    if (!(node instanceof Element)) return;
    // The native selector walk is several times faster than a script walk over the same subtree.
    if (node.shadowRoot && !this.roots.has(node.shadowRoot)) this.observe(node.shadowRoot);
    const all = node.querySelectorAll('*');
    for (let i = 0; i < all.length && i < 2000; i++) {
      const root = all[i].shadowRoot;
      if (root && !this.roots.has(root)) this.observe(root);
    }
  }

  private collect(records: MutationRecord[]): void {
    const c = this.collected;
    for (const r of records) {
      c.touched.add(r.target);
      if (r.type !== 'childList') continue;
      const added = r.addedNodes;
      if (r.removedNodes.length) {
        c.structural = true;
        c.removedFrom.add(r.target);
      }
      if (!added.length) continue;
      c.structural = true;
      for (let i = 0; i < added.length; i++) {
        // Each index read crosses into the DOM: once per node.
        const node = added[i];
        c.touched.add(node);
        c.added.add(node);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Whichever comes first: the next frame, or 30 ms (frames do not run in background tabs).
    if (typeof this.win.requestAnimationFrame === 'function') this.frameId = this.win.requestAnimationFrame(() => this.run());
    this.timerId = setTimeout(() => this.run(), 30);
  }

  /** Has `node` read again with the next changes, though the DOM did not change (a picture in it loaded). */
  touch(node: Node): void {
    this.collected.touched.add(node);
    this.schedule();
  }

  /** Processes what was collected now, including records the observer has not delivered yet. */
  flushNow(): void {
    const pending = this.observer.takeRecords();
    if (pending.length) this.collect(pending);
    this.run();
  }

  private run(): void {
    if (this.frameId !== null) this.win.cancelAnimationFrame?.(this.frameId);
    if (this.timerId !== null) clearTimeout(this.timerId);
    this.frameId = this.timerId = null;
    this.scheduled = false;
    const c = this.collected;
    if (!c.touched.size && !c.structural) return;
    this.collected = empty();
    this.onFlush(c);
  }

  disconnect(): void {
    this.observer.disconnect();
    if (this.frameId !== null) this.win.cancelAnimationFrame?.(this.frameId);
    if (this.timerId !== null) clearTimeout(this.timerId);
    this.frameId = this.timerId = null;
    this.scheduled = false;
    this.roots = new WeakSet();
  }
}
