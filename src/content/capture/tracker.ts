// Keeps the identity of every message node in one frame and turns what changed in the list
// into observations: a new node is a 'message' (once), changed text an 'edit', a recall
// notice or a real deletion a 'remove'. Nodes a virtualised list drops while scrolling, or
// a framework re-renders, are matched back by the page's ids or by text, speaker and
// neighbours, so nothing is recorded twice; so is a row the page redraws under a new id in
// place of one that just left (an optimistic send: the draft's id swapped for the server's).
// While nothing needs matching (no node away, no reload replay), a row whose template is
// self-contained is not read here: it goes out as a 'row' (the values that fill its template's
// skeleton) and the background reads it. The record keeps those values and reads them only if
// its text is ever needed (an edit to compare, a node gone that may come back): a chat
// receiving messages costs the page little.
// New messages the page puts above all recorded ones (older history drawn while scrolling up),
// below a message held or placed as older history (scrolling back down through it), or in place
// of every row it drew just after a scroll up (a virtualised list jumping to the top) are older
// history: held until the scrolling settles, then sent in chat order with a 'placed' observation
// naming the recorded message they precede, so the record says where they belong.
// A row already on the page that becomes a message only after a message below it was recorded
// (a picture that loads late, a bubble filled in) is sent at once, followed by a 'placed' marked
// late that names the message it comes before.
import type { Observation } from '../../lib/capture/protocol';
import type { Speaker } from '../../lib/evidence/types';
import { AgentLearner } from '../../lib/capture/agent-learner';
import { isDeferred, readDeferredRow, type DeferredRow, type ExtractedMessage } from './extract';
import { judgeReplay, type RecentMessage } from './recent';

interface MessageRecord {
  key: string;
  node: Element | null;
  pageId: string | null;
  speaker: Speaker;
  text: string;
  /** Keys of the messages before and after it when first seen (for matching re-added nodes). */
  prevKey: string | null;
  nextKey: string | null;
  /** Sent as an observation (false for messages skipped because an earlier page load recorded them). */
  emitted: boolean;
  removed: boolean;
  /** Index in the list at the last reconcile, to tell edge drops (virtual scrolling) from deletions. */
  index: number;
  /** When the node left the DOM (ms), while its fate is undecided. */
  leftAt: number;
  /** When it was first seen (ms). */
  seenAt: number;
  /** In limbo or detached (not bound to a node). */
  away: boolean;
  /** Detached because capture moved to another list element: it may come back in another shape. */
  moved?: boolean;
  /** The row as sent unread: text, speaker and removed are not known until read(). */
  unread: DeferredRow | null;
  /** Edits and removals seen while the message was held back, and its text before them: sent after it. */
  unsent?: { text: string; changes: Observation[] };
  /** Held or placed as older history: new messages drawn right below it are older history too. */
  older?: boolean;
}

export interface TrackerDeps {
  emit(o: Observation): void;
  /** What the node says; with `defer`, a DeferredRow when its template lets the background read it. */
  extract(item: Element, defer: boolean): ExtractedMessage | DeferredRow | null;
  now(): number;
  /** Whether the page scrolled recently (a sign that removed nodes are a virtual list's). */
  scrolledWithin(ms: number): boolean;
  /** Whether the page scrolled up recently (rows that replace every drawn one are older history). */
  scrolledUpWithin(ms: number): boolean;
}

/** How long a removed node may stay away before its removal is decided (re-renders put it back sooner). */
export const REMOVAL_GRACE_MS = 400;
/** After a reload, how long new messages are held while the page may still be re-showing recorded history. */
export const REPLAY_WINDOW_MS = 1500;
/** How long no more older messages must appear above recorded ones before the held ones are sent. */
export const OLDER_SETTLE_MS = 1000;
/** How soon after a message appeared its text may still grow as it is written out (streamed, typed). */
export const GROWTH_WINDOW_MS = 5000;
/** How long a growing text must stay unchanged before its one edit is sent. */
export const GROWTH_SETTLE_MS = 400;

/** Text without the cursor a reply being written out may end in ("Hel▍"). */
const withoutCursor = (text: string): string => text.replace(/\s*[▍▌▋▊▉█▎▏|_●]+$/u, '');

/**
 * A new message of a pass; `after`: the older-history message it is drawn right below;
 * `lateBefore`: the recorded message it comes before, recorded while this row was not yet a message.
 */
type Fresh = { item: Element; ex: ExtractedMessage | DeferredRow; rec: MessageRecord; after?: MessageRecord; lateBefore?: MessageRecord };
/** A message held while older ones may still appear above it; `at` is when it was seen. */
type HeldOlder = Fresh & { at: string };
/** New messages of a pass above every known one, and the known one right below them (in chat order). */
type OlderOnTop = { recs: Set<MessageRecord>; beneath: MessageRecord };
/** How recent a scroll up must be for rows replacing every drawn one to count as older history. */
const JUMP_UP_MS = 1500;
const DETACHED_LIMIT = 5000;

export class MessageTracker {
  private byNode = new WeakMap<Element, MessageRecord>();
  private byPageId = new Map<string, MessageRecord>();
  private byKey = new Map<string, MessageRecord>();
  /** Extractions done during one reconcile, so a look-ahead does not extract a node twice. */
  private pass = new Map<Element, ExtractedMessage | DeferredRow | null>();
  private attached = new Set<MessageRecord>();
  /** Nodes gone from the DOM less than REMOVAL_GRACE_MS ago. */
  private limbo: MessageRecord[] = [];
  /** Messages a virtualised list dropped; matched again when they scroll back. */
  private detached: MessageRecord[] = [];
  /** Rows that are not messages, and when each was first seen as one (ms). */
  private nonMessages = new WeakMap<Element, number>();
  private speakerByShape = new Map<string, Speaker>();
  private counter = 0;
  private firstScan = true;
  /** While the page may be re-showing what an earlier load recorded: the messages held back so far. */
  private replay: { held: Fresh[]; deadline: number } | null;
  private lastCount = 0;
  /** Older messages held, by the key of the sent message they sit above; each list in page order. */
  private older = new Map<string, HeldOlder[]>();
  /** The key each held older message's list is filed under. */
  private olderAnchor = new Map<MessageRecord, string>();
  /** When an older message was last held (ms). */
  private olderAt = 0;
  /** The first message in chat order (sent, or held as older history); null until one is sent. */
  private chatTop: MessageRecord | null = null;
  /** For a message sent as older history: the message after it in the chat. */
  private nextInChat = new WeakMap<MessageRecord, MessageRecord>();
  /** Messages whose text is growing, and when it last grew (ms): one edit is sent once it stops. */
  private growing = new Map<MessageRecord, number>();
  private agent: AgentLearner;
  /** True once the list has been seen dropping nodes at its edges while scrolling. */
  virtual = false;
  /**
   * The list keeps its newest message first and draws its items bottom-up (flex column-reverse):
   * the caller passes items in chat order (reversed), and the message after one in the chat is
   * the element before it.
   */
  newestFirst = false;

  constructor(
    private deps: TrackerDeps,
    private recent: RecentMessage[] = [],
  ) {
    this.replay = recent.length ? { held: [], deadline: Infinity } : null;
    this.agent = new AgentLearner((o) => deps.emit(o));
  }

  /** True while a removal awaits its grace period or messages are held back (the caller schedules a later reconcile). */
  get pendingRemovals(): boolean {
    return this.limbo.length > 0 || (this.replay !== null && this.replay.held.length > 0) || this.older.size > 0 || this.growing.size > 0;
  }

  /** Stops holding messages back (the page is being hidden): sends what is not already recorded. */
  releaseHeld(): void {
    if (this.replay?.held.length) this.emitFresh([], null, true);
    this.releaseOlder(this.deps.now(), true);
    this.settleGrowth(this.deps.now(), true);
  }

  /**
   * Brings the records up to date with the list. `items` are the list's messages in page order;
   * `dirty` the ones whose content changed; `structural` says children were added or removed
   * (items is then the whole list). `appended`: the only structural change is new rows at the
   * end of the list, all of them in `dirty`: they are read in a dirty pass and counted in.
   */
  reconcile(items: Element[], dirty: ReadonlySet<Element>, structural: boolean, appended = false): void {
    const now = this.deps.now();
    const firstScan = this.firstScan;
    const hadAttached = this.attached.size > 0;
    if (structural || this.firstScan) {
      const present = new Set(items);
      for (const rec of [...this.attached]) {
        if (rec.node && present.has(rec.node) && rec.node.isConnected) continue;
        // Whether it comes back or is removed, its text decides: read it while it is known.
        if (!this.read(rec)) continue;
        this.attached.delete(rec);
        rec.node = null;
        rec.leftAt = now;
        rec.away = true;
        this.limbo.push(rec);
      }
    }
    const fresh: Fresh[] = [];
    let prev: MessageRecord | null = null;
    let index = 0;
    const full = structural || this.firstScan;
    // Rows may go unread only while no new row can be a known one coming back.
    const defer = !this.replay && !this.limbo.length && !this.detached.length;
    for (const item of items) {
      if (!full) prev = this.nearestRecord(item, (n) => this.before(n));
      let known = this.byNode.get(item);
      // A changed row sent unread is read now (its old text is compared); not a message after all, it is new.
      if (known && dirty.has(item) && !this.read(known)) known = undefined;
      if (known) {
        if (dirty.has(item)) this.update(known, item);
        if (full) known.index = index++;
        prev = known;
        continue;
      }
      if (!full && !dirty.has(item)) continue;
      if (this.nonMessages.has(item) && !dirty.has(item)) continue;
      let ex = this.extractCached(item, defer);
      // A page id seen before means a row coming back: it is matched, so read.
      if (ex && isDeferred(ex) && ex.pageId && this.byPageId.has(ex.pageId)) ex = this.extractCached(item);
      const shownSince = this.nonMessages.get(item);
      if (!ex) {
        if (shownSince === undefined) this.nonMessages.set(item, now);
        continue;
      }
      this.nonMessages.delete(item);
      const rec = isDeferred(ex) ? this.create(item, ex, prev, fresh) : (this.match(item, ex, prev) ?? this.recallTarget(item, ex, prev) ?? this.create(item, ex, prev, fresh));
      if (shownSince !== undefined && fresh.at(-1)?.rec === rec) fresh[fresh.length - 1].lateBefore = this.recordedAfterSince(item, shownSince);
      if (full) rec.index = index++;
      // A row new to the list (created, or matched as it came back) sits at its end.
      else if (appended) rec.index = this.lastCount++;
      prev = rec;
    }
    this.pass.clear();
    this.emitFresh(fresh, full && !firstScan && fresh.length ? this.olderOnTop(items, fresh, hadAttached) : null);
    if (full) this.lastCount = index;
    this.settleLimbo(now, this.lastCount);
    this.releaseOlder(now, false);
    this.settleGrowth(now, false);
  }

  /**
   * The new messages above every message known before this pass (older history drawn at the top
   * of the chat), and the first known one, below them. New messages further down are not taken
   * for older ones: a chat may keep a row at its end (a menu card, a closing notice) and put each
   * new message above it. When no known message is left in the list (`hadAttached`: some were
   * before the pass) and the page just scrolled up, the list jumped to older history: every new
   * message goes above the first one of the chat.
   */
  private olderOnTop(items: Element[], fresh: Fresh[], hadAttached: boolean): OlderOnTop | null {
    const isFresh = new Set(fresh.map((f) => f.rec));
    const recs = new Set<MessageRecord>();
    for (const item of items) {
      const rec = this.byNode.get(item);
      if (!rec) continue;
      if (!isFresh.has(rec)) return recs.size ? { recs, beneath: rec } : null;
      recs.add(rec);
    }
    if (hadAttached && this.chatTop && this.deps.scrolledUpWithin(JUMP_UP_MS)) return { recs, beneath: this.chatTop };
    return null;
  }

  /** What `item` says, extracted once per pass; unless `defer`, read even if its template would let it go unread. */
  private extractCached(item: Element, defer?: false): ExtractedMessage | null;
  private extractCached(item: Element, defer: boolean): ExtractedMessage | DeferredRow | null;
  private extractCached(item: Element, defer = false): ExtractedMessage | DeferredRow | null {
    let ex = this.pass.has(item) ? this.pass.get(item)! : this.deps.extract(item, defer);
    if (ex && !defer && isDeferred(ex)) ex = readDeferredRow(ex);
    this.pass.set(item, ex);
    return ex;
  }

  /**
   * Reads a record's row if it went unread (its text, speaker and recall are needed now).
   * False when the row turns out not to be a message (the background dropped it as well): the
   * record is forgotten.
   */
  private read(rec: MessageRecord): boolean {
    const row = rec.unread;
    if (!row) return true;
    rec.unread = null;
    const ex = readDeferredRow(row);
    if (!ex) {
      if (rec.node) this.byNode.delete(rec.node);
      rec.node = null;
      this.attached.delete(rec);
      this.byKey.delete(rec.key);
      if (rec.pageId) this.byPageId.delete(rec.pageId);
      return false;
    }
    rec.text = ex.text;
    rec.speaker = ex.speaker;
    rec.removed = ex.recall;
    return true;
  }

  /** The element after `item` in chat order. */
  private after(item: Element): Element | null {
    return this.newestFirst ? item.previousElementSibling : item.nextElementSibling;
  }

  /** The element before `item` in chat order. */
  private before(item: Element): Element | null {
    return this.newestFirst ? item.nextElementSibling : item.previousElementSibling;
  }

  /** The record of the nearest message to `item` going `step` (before or after) in chat order, up to 50 rows away. */
  private nearestRecord(item: Element, step: (n: Element) => Element | null): MessageRecord | null {
    for (let n = step(item), i = 0; n && i < 50; n = step(n), i++) {
      const rec = this.byNode.get(n);
      if (rec) return rec;
    }
    return null;
  }

  /**
   * The recorded message right after `item` in chat order, if it was first seen when `item` was
   * already on the page (`since`, ms) and so was recorded ahead of it. One seen earlier is left
   * out: a chat may keep a row at its end and put new rows above it.
   */
  private recordedAfterSince(item: Element, since: number): MessageRecord | undefined {
    const rec = this.nearestRecord(item, (n) => this.after(n));
    return rec?.emitted && rec.seenAt >= since ? rec : undefined;
  }

  /** Decides the fate of nodes that stayed away longer than the grace period. */
  private settleLimbo(now: number, count: number): void {
    if (!this.limbo.length) return;
    const due = this.limbo.filter((r) => now - r.leftAt >= REMOVAL_GRACE_MS);
    if (!due.length) return;
    this.limbo = this.limbo.filter((r) => now - r.leftAt < REMOVAL_GRACE_MS);
    const total = count + due.length;
    const atEdges = due.every((r) => r.index < due.length || r.index >= total - due.length - 1);
    // Everything gone at once (the widget re-rendered or switched views) is not a deletion either.
    const wholesale = due.length >= 3 && count === 0;
    if (!this.virtual && atEdges && this.deps.scrolledWithin(1500)) this.virtual = true;
    for (const rec of due) {
      if (this.virtual || wholesale || rec.removed) {
        this.detached.push(rec);
        continue;
      }
      rec.removed = true;
      this.change(rec, { kind: 'remove', key: rec.key, at: new Date(now).toISOString() });
    }
    if (this.detached.length > DETACHED_LIMIT) this.detached.splice(0, this.detached.length - DETACHED_LIMIT);
  }

  /**
   * A known node changed: new text is an edit, a recall notice a removal. Text that only grows
   * soon after the message appeared is still being written out (a streamed or typed reply): one
   * edit with the whole text is sent once it stops growing, not one per chunk.
   */
  private update(rec: MessageRecord, item: Element): void {
    if (rec.removed) return;
    const ex = this.extractCached(item);
    if (!ex || ex.text === rec.text) return;
    const now = this.deps.now();
    if (!ex.recall && rec.emitted && ex.text.startsWith(withoutCursor(rec.text)) && (this.growing.has(rec) || now - rec.seenAt < GROWTH_WINDOW_MS)) {
      rec.text = ex.text;
      this.growing.set(rec, now);
      return;
    }
    this.sendGrowth(rec);
    const at = new Date(now).toISOString();
    if (ex.recall) {
      rec.removed = true;
      this.change(rec, { kind: 'remove', key: rec.key, at });
      return;
    }
    this.change(rec, { kind: 'edit', key: rec.key, text: ex.text, at });
    rec.text = ex.text;
  }

  /** Sends the one edit of each message whose text stopped growing GROWTH_SETTLE_MS ago (all of them with `force`). */
  private settleGrowth(now: number, force: boolean): void {
    for (const [rec, at] of this.growing) if (force || now - at >= GROWTH_SETTLE_MS) this.sendGrowth(rec);
  }

  private sendGrowth(rec: MessageRecord): void {
    const at = this.growing.get(rec);
    if (at === undefined) return;
    this.growing.delete(rec);
    this.deps.emit({ kind: 'edit', key: rec.key, text: rec.text, at: new Date(at).toISOString() });
  }

  /** Sends an edit or removal of a message, or keeps it until the message is sent if it is held as older history. */
  private change(rec: MessageRecord, o: Observation): void {
    if (rec.emitted) return this.deps.emit(o);
    // Not sent and not held: skipped as history an earlier page load recorded.
    if (!this.olderAnchor.has(rec)) return;
    rec.unsent ??= { text: rec.text, changes: [] };
    rec.unsent.changes.push(o);
  }

  /** The changes kept while the message was held, now that it is sent. */
  private sendChanges(rec: MessageRecord): void {
    for (const o of rec.unsent?.changes ?? []) this.deps.emit(o);
    rec.unsent = undefined;
  }

  private bind(rec: MessageRecord, item: Element): void {
    rec.node = item;
    rec.leftAt = 0;
    this.byNode.set(item, rec);
    this.attached.add(rec);
    if (rec.away) {
      rec.away = false;
      this.limbo = this.limbo.filter((r) => r !== rec);
      this.detached = this.detached.filter((r) => r !== rec);
    }
  }

  /**
   * A node that is a message seen before: same page id, or same text and speaker next to the same
   * neighbour. A page id not seen before may still be a message that just left: the page swapped
   * its draft's id for the one its server gave (an optimistic send), in the same place.
   */
  private match(item: Element, ex: ExtractedMessage, prev: MessageRecord | null): MessageRecord | null {
    const pageId = ex.pageId;
    const sameWords = (r: MessageRecord) => r.text === ex.text && r.speaker === ex.speaker;
    if (!pageId || !this.byPageId.has(pageId)) {
      // After a move to another list element the same messages are seen again, perhaps as other
      // elements (no page id, or another one) and with weaker speaker cues: the text is what they share.
      const moved = this.detached.find((r) => r.moved && !r.removed && r.text === ex.text);
      if (moved) {
        moved.moved = false;
        this.bind(moved, item);
        if (pageId) this.byPageId.set(pageId, moved);
        return moved;
      }
    }
    if (pageId) {
      const rec = this.byPageId.get(pageId);
      if (!rec) {
        const swapped = this.matchByText(item, prev, this.limbo.filter(sameWords), false);
        if (swapped) {
          swapped.pageId = pageId;
          this.byPageId.set(pageId, swapped);
        }
        return swapped;
      }
      if (rec.node && rec.node !== item && rec.node.isConnected) return null;
      this.bind(rec, item);
      if (!rec.removed && ex.text !== rec.text) {
        const at = new Date(this.deps.now()).toISOString();
        if (ex.recall) {
          rec.removed = true;
          this.change(rec, { kind: 'remove', key: rec.key, at });
        } else {
          this.change(rec, { kind: 'edit', key: rec.key, text: ex.text, at });
          rec.text = ex.text;
        }
      }
      return rec;
    }
    const unnamedSameWords = (r: MessageRecord) => !r.pageId && sameWords(r);
    const inLimbo = this.limbo.filter(unnamedSameWords);
    return this.matchByText(item, prev, [...inLimbo, ...this.detached.filter(unnamedSameWords)], inLimbo.length === 1);
  }

  /**
   * The record of `pool` (same text and speaker as `item`) whose neighbour agrees, bound to it.
   * `loneFresh`: the pool's one record just left the list, taken when no neighbour is known yet.
   */
  private matchByText(item: Element, prev: MessageRecord | null, pool: MessageRecord[], loneFresh: boolean): MessageRecord | null {
    if (!pool.length) return null;
    // A neighbour must agree: the message before it (already matched, this pass goes in page
    // order) or the known node after it (rows scrolling back in at the top of a virtual list).
    const nextEl = this.after(item);
    const next = nextEl ? this.byNode.get(nextEl) : undefined;
    // Without a known node after it (the whole window was re-rendered), the next node's text must match.
    const nextText = !next && nextEl ? this.extractCached(nextEl) : null;
    const nextAgrees = (r: MessageRecord) => {
      if (next) return r.nextKey === next.key;
      if (!nextText || r.nextKey === null) return false;
      const after = this.byKey.get(r.nextKey);
      return after !== undefined && this.read(after) && after.text === nextText.text && after.speaker === nextText.speaker;
    };
    // The first message seen of a stretch had nothing before it: older history drawn above it agrees.
    const agrees = (r: MessageRecord) => (prev ? r.prevKey === prev.key || (r.prevKey === null && prev.older === true) : !nextEl && r.prevKey === null) || nextAgrees(r);
    let rec = pool.find(agrees) ?? null;
    // The first node of a re-rendered list has no matched neighbour yet: one fresh candidate will do.
    if (!rec && !prev && !next && loneFresh) rec = pool[0];
    if (!rec) return null;
    this.bind(rec, item);
    return rec;
  }

  /** A recall notice that took the place of a message that just left: that message is removed. */
  private recallTarget(item: Element, ex: ExtractedMessage, prev: MessageRecord | null): MessageRecord | null {
    if (!ex.recall || !this.limbo.length) return null;
    const prevKey = prev?.key ?? null;
    const rec = this.limbo.find((r) => r.prevKey === prevKey) ?? (this.limbo.length === 1 ? this.limbo[0] : null);
    if (!rec) return null;
    this.bind(rec, item);
    if (!rec.removed) {
      rec.removed = true;
      this.change(rec, { kind: 'remove', key: rec.key, at: new Date(this.deps.now()).toISOString() });
    }
    return rec;
  }

  private create(item: Element, ex: ExtractedMessage | DeferredRow, prev: MessageRecord | null, fresh: Fresh[]): MessageRecord {
    const pageId = ex.pageId;
    const usable = pageId && !this.byPageId.has(pageId) ? pageId : null;
    const unread = isDeferred(ex) ? ex : null;
    let speaker: Speaker;
    if (unread) {
      // Its markup decides a speaker (self-contained templates do): it teaches rows of its shape.
      speaker = unread.markupSpeaker;
      this.speakerByShape.set(unread.shape, speaker);
    } else {
      const known = ex as ExtractedMessage;
      speaker = known.speaker;
      if (known.sure) this.speakerByShape.set(known.shape, speaker);
      else speaker = this.speakerByShape.get(known.shape) ?? speaker;
    }
    const rec: MessageRecord = {
      key: usable ? `p:${usable}` : `n${++this.counter}`,
      node: null,
      pageId: usable,
      speaker,
      text: unread ? '' : (ex as ExtractedMessage).text,
      prevKey: prev?.key ?? null,
      nextKey: null,
      emitted: false,
      removed: unread ? false : (ex as ExtractedMessage).recall,
      index: 0,
      leftAt: 0,
      seenAt: this.deps.now(),
      away: false,
      unread,
    };
    if (usable) this.byPageId.set(usable, rec);
    this.byKey.set(rec.key, rec);
    if (prev && prev.nextKey === null) prev.nextKey = rec.key;
    // A row new above a known one (older history drawn while scrolling up) links to it too:
    // scrolling back down, it is matched by the one before it.
    const nextEl = this.after(item);
    const next = nextEl ? this.byNode.get(nextEl) : undefined;
    if (next) {
      rec.nextKey = next.key;
      if (next.prevKey === null) next.prevKey = rec.key;
    }
    this.bind(rec, item);
    // Right below older history (scrolling down through it after a jump up), it is older history too.
    const after = !this.replay && prev?.older ? prev : undefined;
    // Until emitFresh files it (or finds no place for it): the next new row below is older history too.
    if (after) rec.older = true;
    fresh.push({ item, ex: unread ?? { ...(ex as ExtractedMessage), speaker }, rec, after });
    return rec;
  }

  /**
   * Emits new messages in page order; `older` ones, above every recorded one, are held as older
   * history (holdOlder). After a reload, holds them back while they may be the page re-showing
   * what the session already recorded, and leaves those out.
   */
  private emitFresh(fresh: Fresh[], older: OlderOnTop | null, force = false): void {
    this.firstScan = false;
    let out = fresh;
    let skipped: Fresh[] = [];
    if (this.replay) {
      const now = this.deps.now();
      const replay = this.replay;
      replay.held.push(...fresh);
      if (!replay.held.length) return;
      if (replay.deadline === Infinity) replay.deadline = now + REPLAY_WINDOW_MS;
      const verdict = judgeReplay(
        replay.held.map((f) => ({ speaker: f.rec.speaker, text: f.rec.text })),
        this.recent,
      );
      if (!verdict.decided && !force && now < replay.deadline) return;
      skipped = replay.held.slice(0, verdict.skip);
      out = replay.held.slice(verdict.skip);
      this.replay = null;
    }
    const at = new Date(this.deps.now()).toISOString();
    for (const { rec } of skipped) if (rec.speaker !== 'user') this.learnAgent(rec.text, at, false);
    const beneath = older?.beneath;
    const anchor = beneath && this.anchorAbove(beneath);
    // The first of them, when they go above the first message of the chat.
    let top: MessageRecord | null = null;
    // A run of late rows, placed by one note after them.
    let late: { keys: string[]; before: MessageRecord } | null = null;
    const placeLate = () => {
      if (late) this.deps.emit({ kind: 'placed', keys: late.keys, before: late.before.key, at, late: true });
      late = null;
    };
    for (const f of out) {
      if (late && f.lateBefore !== late.before) placeLate();
      if (anchor && older.recs.has(f.rec)) {
        this.holdOlder({ ...f, at }, anchor, beneath);
        if (beneath === this.chatTop) top ??= f.rec;
      } else if (f.after && this.holdAfter({ ...f, at }, f.after)) continue;
      else {
        f.rec.older = false;
        this.emitRecord(f, at);
        this.sendChanges(f.rec);
        this.chatTop ??= f.rec;
        if (f.lateBefore) (late ??= { keys: [], before: f.lateBefore }).keys.push(f.rec.key);
      }
    }
    placeLate();
    if (top) this.chatTop = top;
  }

  private emitRecord({ ex, rec }: Fresh, at: string): void {
    rec.emitted = true;
    // The background reads it, and learns the agent facts it names.
    if (rec.unread) {
      this.deps.emit({ kind: 'row', key: rec.key, values: rec.unread.values, template: rec.unread.template, at });
      return;
    }
    // A held row read since (edited, or gone from the page) goes out as what reading it gave,
    // with the text it had when it was seen.
    const author = isDeferred(ex) ? (readDeferredRow(ex)?.author ?? null) : ex.author;
    const text = rec.unsent?.text ?? rec.text;
    this.deps.emit({ kind: 'message', key: rec.key, speaker: rec.speaker, author, text, at });
    if (rec.speaker !== 'user') this.learnAgent(text, at);
  }

  /** The key older messages going right above `rec` are filed under: its own if sent, its list's if held; null if neither. */
  private anchorAbove(rec: MessageRecord): string | null {
    return this.olderAnchor.get(rec) ?? (rec.emitted ? rec.key : null);
  }

  /** Files an older message above `anchor` (a sent message), right above `beneath` (the anchor or a held one). */
  private holdOlder(held: HeldOlder, anchor: string, beneath: MessageRecord): void {
    let list = this.older.get(anchor);
    if (!list) this.older.set(anchor, (list = []));
    const i = list.findIndex((h) => h.rec === beneath);
    this.fileOlder(held, anchor, list, i < 0 ? list.length : i);
  }

  /** Files an older message right after `prev` (held, or sent as older history); false when where that is is not known. */
  private holdAfter(held: HeldOlder, prev: MessageRecord): boolean {
    const anchor = this.olderAnchor.get(prev);
    if (anchor !== undefined) {
      const list = this.older.get(anchor)!;
      this.fileOlder(held, anchor, list, list.findIndex((h) => h.rec === prev) + 1);
      return true;
    }
    const next = this.nextInChat.get(prev);
    const nextAnchor = next && this.anchorAbove(next);
    if (!next || !nextAnchor) return false;
    this.holdOlder(held, nextAnchor, next);
    return true;
  }

  private fileOlder(held: HeldOlder, anchor: string, list: HeldOlder[], index: number): void {
    list.splice(index, 0, held);
    this.olderAnchor.set(held.rec, anchor);
    held.rec.older = true;
    this.olderAt = this.deps.now();
  }

  /** Sends the held older messages once none appeared for OLDER_SETTLE_MS (or now, with `force`), each list followed by its 'placed'. */
  private releaseOlder(now: number, force: boolean): void {
    if (!this.older.size || (!force && now - this.olderAt < OLDER_SETTLE_MS)) return;
    for (const [anchor, list] of this.older) {
      // A row that turned out to be no message was forgotten (read()).
      const kept = list.filter((h) => this.byKey.get(h.rec.key) === h.rec);
      for (const h of kept) this.emitRecord(h, h.at);
      if (kept.length) this.deps.emit({ kind: 'placed', keys: kept.map((h) => h.rec.key), before: anchor, at: kept[kept.length - 1].at });
      // Where each sits in the chat, for new messages drawn right below it later.
      const anchorRec = this.byKey.get(anchor);
      kept.forEach((h, i) => {
        const next = kept[i + 1]?.rec ?? anchorRec;
        if (next) this.nextInChat.set(h.rec, next);
      });
      // After the note, so the entries it names stay one run.
      for (const h of kept) this.sendChanges(h.rec);
    }
    this.older.clear();
    this.olderAnchor.clear();
  }

  /** Picks agent name / number out of agent messages, page notices and labels; emits when something new is learnt. */
  learnAgent(text: string, at = new Date(this.deps.now()).toISOString(), emit = true): void {
    this.agent.learn(text, at, emit);
  }

  /**
   * The list's rows turned out to be sender groups (a second bubble joined one): the message
   * each row was read as is its first bubble from now on. It keeps its key; its text is read
   * again from the bubble (without a name glued on), so later changes are compared with that.
   */
  rebind(pairs: [row: Element, bubble: Element][]): void {
    for (const [row, bubble] of pairs) {
      const rec = this.byNode.get(row);
      if (!rec || !this.read(rec)) continue;
      this.byNode.delete(row);
      this.bind(rec, bubble);
      const ex = this.deps.extract(bubble, false);
      if (ex && !isDeferred(ex)) rec.text = ex.text;
    }
  }

  /**
   * Unbinds every message: they are set aside (matched if they come back), never removed.
   * `moved` when capture moves to another list element of the same chat.
   */
  detachAll(moved = false): void {
    for (const rec of [...this.attached, ...this.limbo]) {
      if (!this.read(rec)) continue;
      rec.node = null;
      rec.away = true;
      rec.moved = moved;
      this.detached.push(rec);
    }
    this.attached.clear();
    this.limbo = [];
  }

  /** Number of messages in the list at the last reconcile. */
  get count(): number {
    return this.lastCount;
  }
}
