// What the content script sends the background over the "capture" port, and the replies.
// Batches are numbered per frame so the background can drop a resent batch it already stored.
import type { Speaker } from '../evidence/types';
import type { RowTemplate } from './row-template';
import type { PageLook } from '../page-look';

export const CAPTURE_PORT = 'capture';
export const LIVE_PORT = 'live';

/** One thing the content script saw happen in the chat. */
export type Observation =
  | {
      kind: 'message';
      /** Stable per-frame key of the message node (frameId-local). */
      key: string;
      speaker: Speaker;
      author: string | null;
      text: string;
      /** ISO time the content script saw it. */
      at: string;
    }
  /**
   * A new message row the content script did not read: the id of its self-contained row
   * template (in the batch's `templates`) and the values that fill the template's skeleton
   * into the row's outerHTML (serialized-row.ts splitRow). The background reads it
   * (row-resolver.ts) into the 'message' the content script would have sent, or into nothing.
   */
  | { kind: 'row'; key: string; values: string; template: number; at: string }
  | { kind: 'edit'; key: string; text: string; at: string }
  | { kind: 'remove'; key: string; at: string }
  /** Facts the page shows about the agent (name, employee id), picked up from labels or messages. */
  | { kind: 'agent'; name: string | null; employeeId: string | null; at: string }
  /**
   * The top frame's address changed without a page load (an SPA route, a hash change). Sent in
   * the batch stream, so the note it becomes sits exactly between the messages seen before and
   * after. Taken from the top frame only.
   */
  | { kind: 'navigated'; url: string; at: string }
  /**
   * Messages the page showed above all the ones already recorded (older history loaded while
   * scrolling up): `keys`, sent earlier in the stream, in page order, sit on the page before the
   * message `before`. Recorded as a system note naming their entries. `late`: they are not older
   * history but rows already on the page that became messages (a picture loaded, a bubble filled
   * in) after `before` was recorded.
   */
  | { kind: 'placed'; keys: string[]; before: string; at: string; late?: true };

export interface CaptureBatch {
  type: 'batch';
  /** Random id of this frame's document lifetime (new after a reload). */
  frame: string;
  /** 0, 1, 2… per frame; the background stores the highest it committed. */
  batchNo: number;
  items: Observation[];
  /** The row templates the batch's 'row' items name, by id: each batch carries its own (a resent batch may reach a restarted worker). */
  templates?: Record<number, RowTemplate>;
}

/**
 * A batch as it crosses the port: its items packed into one JSON string. Chrome converts a
 * message into its own form property by property on both sides; one string costs a fraction
 * of that for a batch of hundreds of observations.
 */
export interface WireBatch {
  type: 'batch';
  frame: string;
  batchNo: number;
  /** The items as JSON, each 'row' item standing as 0: it travels in `rows`. */
  packed: string;
  /** The batch's templates, packed the same way. */
  packedTemplates?: string;
  /**
   * The 'row' items, in order, each as one string (rowToWire): the port serializes these once,
   * where packing them would escape them twice (ours, then the port's), and a row's key, time
   * and template cost a few characters instead of an object's worth of JSON.
   */
  rows?: string[];
}

type RowObservation = Extract<Observation, { kind: 'row' }>;
/** Separates a wire row's fields (the values use it between their own, which come last). */
const FIELD = '\u0000';

/** A row as one string: key, template id, time (empty when the row before it had the same) and values, joined by NUL. */
function rowToWire(o: RowObservation, previousAt: string | null): string {
  return `${o.key}${FIELD}${o.template}${FIELD}${o.at === previousAt ? '' : o.at}${FIELD}${o.values}`;
}

/** The row rowToWire made, or null when the string is not one. */
function rowFromWire(s: unknown, previousAt: string | null): RowObservation | null {
  if (typeof s !== 'string') return null;
  const a = s.indexOf(FIELD);
  const b = s.indexOf(FIELD, a + 1);
  const c = s.indexOf(FIELD, b + 1);
  if (a < 0 || b < 0 || c < 0) return null;
  const template = Number(s.slice(a + 1, b));
  const at = s.slice(b + 1, c) || previousAt;
  if (!Number.isInteger(template) || at === null) return null;
  return { kind: 'row', key: s.slice(0, a), values: s.slice(c + 1), template, at };
}

/** Templates do not change once rows are sent with them (row-templates.ts): each is packed once. */
const packedTemplate = new WeakMap<RowTemplate, string>();

function packTemplates(templates: Record<number, RowTemplate>): string {
  const parts: string[] = [];
  for (const [id, template] of Object.entries(templates)) {
    let json = packedTemplate.get(template);
    if (json === undefined) packedTemplate.set(template, (json = JSON.stringify(template)));
    parts.push(`${JSON.stringify(id)}:${json}`);
  }
  return `{${parts.join(',')}}`;
}

export function batchToWire(batch: CaptureBatch): WireBatch {
  let rows: string[] | undefined;
  let items: unknown[] = batch.items;
  if (batch.templates) {
    rows = [];
    let at: string | null = null;
    items = batch.items.map((o) => {
      if (o.kind !== 'row') return o;
      rows!.push(rowToWire(o, at));
      at = o.at;
      return 0;
    });
  }
  const wire: WireBatch = { type: 'batch', frame: batch.frame, batchNo: batch.batchNo, packed: JSON.stringify(items) };
  if (batch.templates) {
    wire.packedTemplates = packTemplates(batch.templates);
    wire.rows = rows;
  }
  return wire;
}

/** The batch in a port message (packed, or with its items as they are), or null when it is not a well-formed one. */
export function batchFromWire(m: unknown): CaptureBatch | null {
  const b = m as Partial<WireBatch & CaptureBatch> | null;
  if (b?.type !== 'batch' || typeof b.frame !== 'string' || !Number.isInteger(b.batchNo)) return null;
  let items: unknown = b.items;
  let templates: unknown = b.templates;
  try {
    if (typeof b.packed === 'string') items = JSON.parse(b.packed);
    if (typeof b.packedTemplates === 'string') templates = JSON.parse(b.packedTemplates);
  } catch {
    return null;
  }
  if (!Array.isArray(items)) return null;
  if (items.includes(0)) {
    if (!Array.isArray(b.rows)) return null;
    let i = 0;
    let at: string | null = null;
    for (let k = 0; k < items.length; k++) {
      if (items[k] !== 0) continue;
      const row = rowFromWire(b.rows[i++], at);
      if (!row) return null;
      items[k] = row;
      at = row.at;
    }
  }
  const batch: CaptureBatch = { type: 'batch', frame: b.frame, batchNo: b.batchNo!, items };
  if (templates && typeof templates === 'object') batch.templates = templates as Record<number, RowTemplate>;
  return batch;
}

export interface CaptureHello {
  type: 'hello';
  frame: string;
  url: string;
  title: string;
  /** True for the top frame. */
  top: boolean;
  /**
   * True: the chat likely holds older messages the page did not show when capture found it
   * (hidden-history.ts). False: it did, and the page has since shown the start of the chat.
   */
  olderHidden?: boolean;
  /** The label of the chat platform whose site adapter found the chat (adapters.ts). */
  platform?: string;
}

export type ContentToBackground = CaptureBatch | CaptureHello;

export type BackgroundToContent =
  | { type: 'ack'; frame: string; batchNo: number }
  | { type: 'stop' };

/** Messages the background sends a tab's content scripts with tabs.sendMessage. */
export type TabCommand =
  | { type: 'content.capture-start'; sessionId: string }
  | { type: 'content.capture-stop' }
  | { type: 'content.compose-insert'; text: string; mode?: 'insert' | 'replace' }
  | { type: 'content.sidebar-toggle'; open?: boolean }
  /**
   * Lets the person point at the chat area when detection is unsure. Sent to every frame at
   * once; each answers { ok, selector } when the pointing ended in it (a pick, or Esc there).
   */
  | { type: 'content.pick-chat-area' }
  /** The pick ended in another frame (or was abandoned): stop pointing here. */
  | { type: 'content.pick-cancel' }
  /** The tab's address changed: the top frame checks whether its own document navigated in place (SPA). */
  | { type: 'content.location-check' }
  /** The settings changed: the launcher, the panel, quick insert and the picker's tip take the new look at once. */
  | { type: 'content.look-changed'; look: PageLook }
  | { type: 'content.ping' };

/** A page (popup, sidebar, viewer) subscribes on the LIVE_PORT to what happens in a tab or a session. */
export type LiveSubscribe = { type: 'subscribe'; tabId?: number; sessionId?: string };

/**
 * An 'entries' event as it crosses the live port: the entries packed into one JSON string (a
 * chat that starts with thousands of messages pushes thousands at once; see WireBatch).
 */
export type LiveWireEvent = Exclude<LiveEvent, { type: 'entries' }> | { type: 'entries'; sessionId: string; packed: string };

export function liveEventToWire(event: LiveEvent): LiveWireEvent {
  return event.type === 'entries' ? { type: 'entries', sessionId: event.sessionId, packed: JSON.stringify(event.entries) } : event;
}

export function liveEventFromWire(m: LiveWireEvent | LiveEvent): LiveEvent {
  return m.type === 'entries' && 'packed' in m ? { type: 'entries', sessionId: m.sessionId, entries: JSON.parse(m.packed) } : (m as LiveEvent);
}

/** Pushed by the background on the LIVE_PORT to subscribers. */
export type LiveEvent =
  | { type: 'entries'; sessionId: string; entries: import('../evidence/types').Entry[] }
  | { type: 'status'; tabId: number; capturing: boolean; sessionId: string | null; count: number }
  | { type: 'session'; sessionId: string };
