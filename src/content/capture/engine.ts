// One frame's capture: finds the chat list (retrying, cheaply, until one appears), watches
// it, turns changes into observations through the tracker, and hands them to the outbox.
// Everything browser-specific (the port) comes in through `deps`, so tests drive it in jsdom
// or in a plain page.
import type { CaptureHello, Observation } from '../../lib/capture/protocol';
import { collapse } from '../../lib/capture/light-text';
import { adapterInChildFrame, adapterInDocument } from '../../lib/capture/adapters';
import { detectChatList, itemOf, itemsOf, scoreContainer, type ChatList } from './detect';
import { hiddenCheckOf, hostOf, isHidden, openShadowRoots, renderedChildren, type HiddenCheck } from './dom';
import { extractRow, isDeferred, type ExtractContext } from './extract';
import { ListObserver, type Collected } from './observer';
import { Outbox, type PortLike } from './outbox';
import { RowTemplates, templateById } from './row-templates';
import { MessageTracker, REMOVAL_GRACE_MS } from './tracker';
import type { RecentMessage } from './recent';
import { olderMessagesLikelyHidden } from './hidden-history';
import { HiddenRows } from './hidden-rows';
import { PictureWait } from './picture-wait';
import { ScrollWatch } from './scroll-watch';
import { bubbleRunOf, bubbleSelectorOf, bubblesIn, groupAuthorOf } from './sender-groups';

export interface EngineOptions {
  sessionId: string;
  recent: RecentMessage[];
  pickedSelector: string | null;
  isTop: boolean;
}

export interface EngineDeps {
  win: Window;
  connect(): PortLike;
  /** Measure layout for speaker alignment (off in jsdom). */
  layout?: boolean;
  /** Called when the engine stops itself (background said stop, or the extension went away). */
  onStopped?(): void;
  /** Sees every observation (tests). */
  tap?(o: Observation): void;
}

const DETECT_MIN_MS = 500;
const DETECT_MAX_MS = 4000;
/**
 * How soon new elements prompt an early look for the chat, at least: a virtualised list drops
 * its first rows after a screenful of messages, and a look 250 ms later may never see them.
 * The wait is also at least 50× what a look costs, so a busy page without a chat pays at most 2 %.
 */
const EARLY_LOOK_MS = 40;
const LABEL_SCAN_MS = 3000;
/** Below this many messages the chosen list is still a guess: detection keeps looking for a better one. */
const WEAK_LIST_MESSAGES = 8;
const RECONSIDER_MS = 1000;
/** Elements around the list that may name the agent (title bar, header, status line). */
const LABEL_SELECTOR = 'h1, h2, h3, h4, [class*="title" i], [class*="header" i], [class*="agent" i], [class*="name" i], [class*="status" i], [class*="info" i]';

const addsElement = (r: MutationRecord) => Array.prototype.some.call(r.addedNodes, (n: Node) => n.nodeType === 1);

function randomId(win: Window): string {
  const bytes = new Uint8Array(9);
  win.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class CaptureEngine {
  readonly frame: string;
  readonly outbox: Outbox;
  private list: ChatList | null = null;
  private tracker: MessageTracker;
  /** Row templates of the current list (reset with it: markup and styles differ between lists). */
  private templates = new RowTemplates();
  /** Rows of the current list read from a template of their markup (here, or sent unread to the background). */
  get templateReads(): number {
    return this.templates.stats.hits + this.templates.stats.deferred;
  }
  /** Author labels read in the list (extract.ts). */
  private authors = new Set<string>();
  /** Class attributes of the parts that held words in the list (text.ts ReadNodeOptions). */
  private wordsClasses = new Set<string>();
  /** Message nodes read from a template, whose markup therefore has no open shadow roots to watch. */
  private templated = new WeakSet<Element>();
  /**
   * Whether the list holds enough messages to be trusted. Until then (an empty chat filling up,
   * detection still weighing other lists, widgets still settling their markup) rows are read
   * node by node: templates pay off on long chats and bursts, and a few early rows are cheap.
   */
  private listSettled = false;
  /** How a hidden part of the list is told (display alone while the list is drawn invisible: dom.ts), looked up once per pass. */
  private listHiddenCheck: HiddenCheck | null = null;
  /** Rows read while hidden by their style, looked at again until shown. */
  private hiddenRows = new HiddenRows({
    isHidden: (row) => !!this.list && isHidden(row, hiddenCheckOf(this.list.container)),
    shown: (row) => this.observer?.touch(row),
    now: () => Date.now(),
  });
  /** Rows of words whose picture is loading, read again when it has (or after a while). */
  private pictureWait = new PictureWait({
    timeUp: (row) => this.observer?.touch(row),
    now: () => performance.now(),
  });
  private observer: ListObserver | null = null;
  /** The list listened to for pictures loading or failing (a picture message has no size before: content-image.ts). */
  private loadTarget: Element | ShadowRoot | null = null;
  private docObserver: MutationObserver | null = null;
  private detectTimer: ReturnType<typeof setTimeout> | null = null;
  private detectDelay = DETECT_MIN_MS;
  /** When the next regular look is due (performance.now() ms). */
  private detectDueAt = Infinity;
  private earlyTimer: ReturnType<typeof setTimeout> | null = null;
  /** What the last three looks cost (ms), the cheapest counting; the first look is left out: it runs cold code (often 10–50 ms). */
  private detectCosts: number[] = [];
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  private scroll: ScrollWatch;
  /**
   * The chat holds older messages the page does not show: set when capture attaches to a list,
   * false again once the page shows the start of the chat (the person scrolled up through it),
   * null while it was never set (the hello then says nothing).
   */
  private olderHidden: boolean | null = null;
  private olderCheckTimer: ReturnType<typeof setTimeout> | null = null;
  private lastLabelScan = -Infinity;
  private lastReconsider = -Infinity;
  private running = false;
  /** What capturing has cost this frame so far (diagnostics and the cost test). */
  readonly stats = { flushes: 0, extractions: 0, processMs: 0, detections: 0 };
  private readonly doc: Document;

  constructor(
    readonly options: EngineOptions,
    private deps: EngineDeps,
  ) {
    this.doc = deps.win.document;
    this.scroll = new ScrollWatch(this.doc);
    this.frame = randomId(deps.win);
    this.outbox = new Outbox({
      frame: this.frame,
      connect: deps.connect,
      hello: () => this.hello(),
      onStop: () => this.stop(),
      onDead: () => this.stop(false),
      templateOf: templateById,
    });
    this.tracker = this.newTracker();
  }

  private newTracker(): MessageTracker {
    return new MessageTracker(
      {
        emit: (o) => this.emit(o),
        extract: (item, defer) => {
          this.stats.extractions++;
          if (!this.list) return null;
          const templates = this.listSettled ? this.templates : undefined;
          const list = this.list.container;
          const hiddenCheck = (): HiddenCheck => (this.listHiddenCheck ??= hiddenCheckOf(list));
          const ctx: ExtractContext = {
            list,
            adapter: this.list.adapter,
            layout: this.deps.layout ?? true,
            // Looked up only when a row is read node by node: a row read from its template needs no style.
            get styles() {
              return hiddenCheck();
            },
            templates,
            authors: this.authors,
            wordsClasses: this.wordsClasses,
            onHidden: this.onHiddenRow,
            pictureWait: this.pictureWait,
          };
          const ex = extractRow(item, ctx, defer);
          if (ex && (isDeferred(ex) || ex.templated)) this.templated.add(item);
          // A sender group names its sender once, for all its bubbles. A name found so joins the
          // known authors: a bubble of only a picture under it is then named too (text.ts).
          else if (ex && !ex.author && this.list.bubbles) {
            ex.author = groupAuthorOf(item, list, this.list.bubbles, ctx.styles, this.authors);
            if (ex.author && this.authors.size < 50) this.authors.add(ex.author);
          }
          return ex;
        },
        now: () => Date.now(),
        scrolledWithin: (ms) => this.scroll.within(ms),
        scrolledUpWithin: (ms) => this.scroll.upWithin(ms),
      },
      this.options.recent,
    );
  }

  private hello(): CaptureHello {
    const platform = this.list?.adapter?.label;
    return { type: 'hello', frame: this.frame, url: this.deps.win.location.href, title: this.doc.title, top: this.options.isTop, ...(this.olderHidden !== null ? { olderHidden: this.olderHidden } : {}), ...(platform ? { platform } : {}) };
  }

  private emit(o: Observation): void {
    this.deps.tap?.(o);
    this.outbox.push(o);
  }

  get capturing(): boolean {
    return this.running;
  }

  /** The list being captured (tests and diagnostics). */
  get chatList(): ChatList | null {
    return this.list;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const win = this.deps.win;
    win.addEventListener('pagehide', this.onHide, true);
    this.doc.addEventListener('visibilitychange', this.onVisibility, true);
    win.addEventListener('beforeunload', this.onHide, true);
    this.doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.detect();
  }

  /** Stops watching; with `deliver`, queued observations are still sent. */
  stop(deliver = true): void {
    if (!this.running) return;
    this.running = false;
    const win = this.deps.win;
    win.removeEventListener('pagehide', this.onHide, true);
    this.doc.removeEventListener('visibilitychange', this.onVisibility, true);
    win.removeEventListener('beforeunload', this.onHide, true);
    this.doc.removeEventListener('scroll', this.onScroll, true);
    if (deliver) this.readPending();
    this.observer?.disconnect();
    this.docObserver?.disconnect();
    this.watchImageLoads(null);
    for (const t of [this.detectTimer, this.earlyTimer, this.settleTimer, this.olderCheckTimer]) if (t !== null) clearTimeout(t);
    if (this.watchTimer !== null) clearInterval(this.watchTimer);
    this.hiddenRows.clear();
    this.detectTimer = this.earlyTimer = this.settleTimer = this.watchTimer = this.olderCheckTimer = null;
    this.observer = null;
    this.docObserver = null;
    this.outbox.close(deliver);
    this.deps.onStopped?.();
  }

  /** Processes pending changes and sends everything queued, now. */
  flushNow(): void {
    if (!this.running) return;
    this.readPending();
    this.outbox.flush();
  }

  /** Turns the changes not yet processed, and messages held back, into queued observations. */
  private readPending(): void {
    this.observer?.flushNow();
    this.tracker.releaseHeld();
  }

  /**
   * Records that the page's address changed in place: what the page showed before is read
   * and queued first, the navigation after it, so later messages follow its note.
   */
  noteNavigation(url: string): void {
    if (!this.running) return;
    this.readPending();
    this.emit({ kind: 'navigated', url, at: new Date().toISOString() });
    this.outbox.flush();
  }

  private onHide = () => this.flushNow();
  private onVisibility = () => {
    if (this.doc.visibilityState === 'hidden') this.flushNow();
  };
  private onScroll = (e: Event) => {
    this.scroll.scrolled(e.target);
    // Once the rows a virtual list draws after the scroll are in (the page's handlers run after this one).
    if (this.olderHidden && this.olderCheckTimer === null) this.olderCheckTimer = setTimeout(() => this.checkOlderShown(), 150);
  };

  /** Whether the page now shows the start of the chat it was hiding: the notice is lifted then. */
  private checkOlderShown(): void {
    this.olderCheckTimer = null;
    if (!this.running || !this.list || !this.olderHidden) return;
    const host = hostOf(this.list.container);
    if (olderMessagesLikelyHidden(host, this.inChatOrder(itemsOf(this.list)), this.deps.win)) return;
    this.olderHidden = false;
    this.outbox.resendHello();
  }

  // ---- detection ----

  private detect(): void {
    this.detectTimer = null;
    if (!this.running) return;
    const found = this.look();
    if (found) {
      this.attach(found);
      return;
    }
    this.watchForChat();
    this.scheduleDetect(this.detectDelay);
    this.detectDelay = Math.min(this.detectDelay * 2, DETECT_MAX_MS);
  }

  private scheduleDetect(delay: number): void {
    if (this.detectTimer !== null) clearTimeout(this.detectTimer);
    this.detectDueAt = performance.now() + delay;
    this.detectTimer = setTimeout(() => this.detect(), delay);
  }

  private look(): ChatList | null {
    const t0 = performance.now();
    const found = detectChatList(this.doc, { pickedSelector: this.options.pickedSelector, layout: this.deps.layout ?? true });
    const cost = performance.now() - t0;
    if (this.stats.detections > 0) this.detectCosts = [...this.detectCosts.slice(-2), cost];
    this.stats.detections++;
    this.stats.processMs += cost;
    return found;
  }

  /**
   * A look soon after new elements, between the regular ones. It takes only a list it is sure
   * of (rows repeating one message pattern, ARIA, an adapter, a pick): a chat still building
   * (a welcome line beside a typing bubble, one message's avatar and name) waits for a regular
   * look, and a few more messages, as before.
   */
  private earlyLook(): void {
    this.earlyTimer = null;
    if (!this.running || this.list) return;
    const found = this.look();
    if (found && (found.source !== 'heuristic' || (found.repeatedRows ?? 0) >= 2)) this.attach(found);
  }

  /** Until a chat appears, new elements (in the document or open shadow roots) prompt an early look. */
  private watchForChat(): void {
    if (!this.docObserver) {
      const MO = (this.deps.win as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
      this.docObserver = new MO((records) => {
        // Only new elements: a ticker rewriting its text adds text nodes, never a chat.
        if (this.list || !records.some(addsElement)) return;
        if (this.detectTimer !== null && this.detectDelay > DETECT_MIN_MS) {
          this.detectDelay = DETECT_MIN_MS;
          this.scheduleDetect(DETECT_MIN_MS / 2);
        }
        const typicalCost = this.detectCosts.length ? Math.min(...this.detectCosts) : 0;
        const early = Math.max(EARLY_LOOK_MS, typicalCost * 50);
        if (this.earlyTimer === null && this.detectDueAt - performance.now() > early) this.earlyTimer = setTimeout(() => this.earlyLook(), early);
      });
      this.docObserver.observe(this.doc, { childList: true, subtree: true });
    }
    for (const root of openShadowRoots(this.doc)) this.docObserver.observe(root, { childList: true, subtree: true });
  }

  private attach(list: ChatList): void {
    const switching = this.list !== null;
    const newPlatform = list.adapter !== null && list.adapter !== this.list?.adapter;
    for (const t of [this.detectTimer, this.earlyTimer]) if (t !== null) clearTimeout(t);
    this.detectTimer = this.earlyTimer = null;
    this.detectDueAt = Infinity;
    // Rows that are sender groups are read bubble by bubble (an adapter's selectors already say what a message is).
    if (!list.adapter && !list.bubbles && (this.deps.layout ?? true)) list = { ...list, bubbles: bubbleSelectorOf(renderedChildren(list.container), this.deps.win) ?? undefined };
    this.list = list;
    this.templates = new RowTemplates();
    this.authors = new Set();
    this.wordsClasses = new Set();
    this.hiddenRows.clear();
    this.docObserver?.disconnect();
    this.docObserver = null;
    this.observer?.disconnect();
    if (switching) this.tracker.detachAll(true);
    this.observer = new ListObserver(this.deps.win, (c) => this.process(c));
    const host = hostOf(list.container);
    this.observer.observe(list.container, false);
    if (list.container instanceof ShadowRoot) this.observer.observe(host, false);
    this.watchImageLoads(list.container);
    this.tracker.newestFirst = this.deps.win.getComputedStyle(host).flexDirection === 'column-reverse';
    this.scroll.seed(host);
    // Read once: a chat showing 10,000 messages at start has as many rows to list.
    const items = this.inChatOrder(itemsOf(list));
    // Once the person scrolled up through the chat, a list found again (re-mounted) does not raise it again.
    const olderHidden = this.olderHidden === null && (this.deps.layout ?? true) && olderMessagesLikelyHidden(host, items, this.deps.win);
    if (olderHidden) this.olderHidden = true;
    // What the hello reports changed (a port opened later says it anyway).
    if (olderHidden || newPlatform) this.outbox.resendHello();
    this.outbox.open();
    this.scanLabels(true);
    this.reconcile(new Set(), true, items);
    // Shadow roots can only be inside rows not read through a template (a long chat's rows
    // mostly are): walking the whole list for them would touch every element it has.
    for (const item of items) if (!this.templated.has(item)) this.observer.observeShadowsIn(item);
    // The list may be thrown away and rebuilt by the page: look again when it leaves the DOM.
    if (this.watchTimer === null) this.watchTimer = setInterval(() => this.checkAttached(), 1500);
  }

  private checkAttached(): void {
    if (!this.running || !this.list) return;
    const host = hostOf(this.list.container);
    // A guessed list gives way when a known platform's chat opens after recording began, in the page
    // (its list is then taken) or in a frame of it (that frame records it): a feed beside the widget
    // is not the conversation.
    const guessed = this.list.source === 'heuristic' || this.list.source === 'aria';
    const givesWay = guessed && (adapterInDocument(this.doc) !== null || adapterInChildFrame(this.doc));
    if (host.isConnected && !givesWay) {
      // A "load earlier messages" button gone once everything is loaded: no scrolling may follow.
      if (this.olderHidden && this.olderCheckTimer === null) this.checkOlderShown();
      // Messages may be arriving in another element than the one chosen (no changes reach us then).
      this.reconsiderWeakList();
      return;
    }
    this.observer?.flushNow();
    this.observer?.disconnect();
    this.observer = null;
    this.watchImageLoads(null);
    this.list = null;
    // The page may rebuild the list showing the same messages (a re-mounted panel): they are set aside as moved, matched again, never recorded twice.
    this.tracker.detachAll(true);
    this.detectDelay = DETECT_MIN_MS;
    this.detect();
  }

  // ---- processing ----

  /** Listens on `target` (the list) for pictures loading or failing, and no longer on the one before; null: on none. */
  private watchImageLoads(target: Element | ShadowRoot | null): void {
    for (const type of ['load', 'error']) {
      this.loadTarget?.removeEventListener(type, this.onImageSettled, true);
      target?.addEventListener(type, this.onImageSettled, true);
    }
    this.loadTarget = target;
  }

  private onHiddenRow = (item: Element) => this.hiddenRows.add(item);

  /**
   * A picture loaded or failed to: its row is read again (a row that was only an unloaded picture
   * becomes its message; words that waited for their picture are read with it, or alone).
   */
  private onImageSettled = (e: Event) => {
    if (e.target instanceof Element && e.target.tagName === 'IMG') this.observer?.touch(e.target);
  };

  private process(c: Collected): void {
    if (!this.running || !this.list) return;
    const t0 = performance.now();
    this.stats.flushes++;
    try {
      this.processCollected(c);
    } finally {
      this.stats.processMs += performance.now() - t0;
    }
  }

  private processCollected(c: Collected): void {
    if (!this.list) return;
    if (this.becameGrouped(c)) return;
    // Rows waiting for their picture first (those still in this list): a row drawn after one is recorded after it.
    const list = this.list;
    const dirty = new Set<Element>(this.pictureWait.take().filter((row) => row.isConnected && itemOf(list, row) === row));
    for (const node of c.touched) {
      const item = itemOf(this.list, node);
      if (item) dirty.add(item);
    }
    this.reconcile(dirty, c.structural, undefined, c.structural && this.onlyAppended(c, dirty));
    // Only added nodes can bring new shadow roots (record targets include the list itself: walking it costs O(list) per flush).
    // Rows read from a template are known to have none.
    for (const node of c.added) if (node.nodeType === 1 && !this.templated.has(node as Element)) this.observer?.observeShadowsIn(node);
  }

  /**
   * A sender's second bubble joining their row shows that the rows are sender groups (a group
   * of one bubble looks like a message): capture moves to reading the bubbles. The message each
   * row was read as is its first bubble, so nothing is recorded twice and the row that grew is
   * no edit. Only nodes added inside a row are looked at: rows added whole (a chat receiving
   * messages) cost nothing here.
   */
  private becameGrouped(c: Collected): boolean {
    const list = this.list!;
    if (list.adapter || list.bubbles || !c.structural || !(this.deps.layout ?? true)) return false;
    const looked = new Set<Element>();
    for (const node of c.added) {
      if (node.parentNode === list.container || node.nodeType !== 1) continue;
      const row = itemOf(list, node);
      if (!row || looked.has(row)) continue;
      looked.add(row);
      const bubbles = bubbleRunOf(row, this.deps.win);
      if (!bubbles) continue;
      const firstBubbles = renderedChildren(list.container).flatMap((r): [Element, Element][] => {
        const first = bubblesIn(r, bubbles)[0];
        return first ? [[r, first]] : [];
      });
      this.tracker.rebind(firstBubbles);
      this.list = { ...list, bubbles };
      this.reconcile(new Set(), true);
      return true;
    }
    return false;
  }

  /** A list drawn bottom-up keeps its newest message first: its items reversed are in chat order. */
  private inChatOrder(items: Element[]): Element[] {
    return this.tracker.newestFirst ? items.reverse() : items;
  }

  /**
   * Whether the only structural change is new rows at the end of a plain list (a chat receiving
   * messages): then only they are read, instead of the whole list (every flush of a long chat
   * would otherwise walk all its rows). Removals from the list, rows inserted above others,
   * adapters', sender groups' and shadow roots' item rules take the whole-list pass.
   */
  private onlyAppended(c: Collected, dirty: Set<Element>): boolean {
    const container = this.list?.container;
    if (!container || this.list!.adapter || this.list!.bubbles || !(container instanceof Element) || container.shadowRoot || c.removedFrom.has(container)) return false;
    // The end of a list drawn bottom-up is the top of the chat.
    if (this.tracker.newestFirst) return false;
    // The new rows, as they were added, must follow one another to the end of the list: the
    // dirty pass then meets them in page order.
    let last: Element | null = null;
    for (const node of c.added) {
      if (node.parentNode !== container || node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.tagName === 'SLOT' || !dirty.has(el) || (last && last.nextElementSibling !== el)) return false;
      last = el;
    }
    return last === null || last.nextElementSibling === null;
  }

  /**
   * `listItems`: the list's items when the caller has just read them (a structural pass).
   * `appended`: the structural change is rows added at the end (onlyAppended): the dirty pass reads them.
   */
  private reconcile(dirty: Set<Element>, structural: boolean, listItems?: Element[], appended = false): void {
    if (!this.list) return;
    const whole = structural && !appended;
    this.listHiddenCheck = null;
    const items = listItems ?? (whole ? this.inChatOrder(itemsOf(this.list)) : [...dirty]);
    const rowsAfter = whole ? items.length : this.tracker.count + (appended ? items.length : 0);
    this.listSettled = this.list.source === 'adapter' || this.list.source === 'picked' || Math.max(this.tracker.count, rowsAfter) >= WEAK_LIST_MESSAGES;
    this.tracker.reconcile(items, dirty, whole, appended);
    if (this.tracker.pendingRemovals && this.settleTimer === null) {
      this.settleTimer = setTimeout(() => {
        this.settleTimer = null;
        if (this.running) this.reconcile(new Set(), true);
      }, REMOVAL_GRACE_MS + 30);
    }
    this.scanLabels(false);
    this.reconsiderWeakList();
  }

  /**
   * While the list holds few messages it was chosen on little evidence (the chat was empty or
   * still building): look again now and then, and move to a candidate that now clearly scores
   * better than the chosen list does today.
   */
  private reconsiderWeakList(): void {
    if (!this.list || this.list.source === 'adapter' || this.list.source === 'picked' || this.tracker.count >= WEAK_LIST_MESSAGES) return;
    const now = Date.now();
    if (now - this.lastReconsider < RECONSIDER_MS) return;
    this.lastReconsider = now;
    const t0 = performance.now();
    const found = detectChatList(this.doc, { pickedSelector: null, layout: this.deps.layout ?? true });
    this.stats.detections++;
    const current = found && found.container !== this.list.container ? scoreContainer(this.list.container) : Infinity;
    this.stats.processMs += performance.now() - t0;
    if (found && found.score > current + 5) this.attach(found);
    else if (found && found.container === this.list.container) this.list.score = found.score;
  }

  /** Reads labels around the chat (header "客服小美为您服务", "工号 10086") for the agent's identity. */
  private scanLabels(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastLabelScan < LABEL_SCAN_MS) return;
    this.lastLabelScan = now;
    if (!this.list) return;
    const listHost = hostOf(this.list.container);
    let panel: Element = listHost;
    for (let i = 0; i < 3 && panel.parentElement && panel.parentElement !== this.doc.body; i++) panel = panel.parentElement;
    // Only the parts beside the list (its siblings and those of its wrappers up to the panel):
    // querying the whole panel would match every message row whose class says "agent".
    const beside: Element[] = [];
    for (let n: Element = listHost; n !== panel && n.parentElement; n = n.parentElement) {
      for (const sib of Array.from(n.parentElement.children)) if (sib !== n) beside.push(sib);
    }
    const labels: Element[] = [];
    for (const scope of beside) {
      if (labels.length >= 40) break;
      if (scope.matches(LABEL_SELECTOR)) labels.push(scope);
      for (const el of Array.from(scope.querySelectorAll(LABEL_SELECTOR)).slice(0, 40 - labels.length)) labels.push(el);
    }
    for (const el of labels) {
      const text = collapse(el.textContent ?? '');
      if (text && text.length <= 200) this.tracker.learnAgent(text);
    }
  }
}
