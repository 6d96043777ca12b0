// Delivers observations to the background over the "capture" port: small numbered batches,
// every batch kept until the background acknowledges it (after its IndexedDB commit), all
// unacknowledged batches resent in order whenever the port is reconnected. The service
// worker may stop at any time; nothing is lost and the background drops duplicates by number.
import { batchToWire, type BackgroundToContent, type CaptureBatch, type CaptureHello, type Observation } from '../../lib/capture/protocol';
import type { RowTemplate } from '../../lib/capture/row-template';

/** The part of runtime.Port the outbox uses (a seam for tests). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: any) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface OutboxOptions {
  frame: string;
  connect(): PortLike;
  hello(): CaptureHello;
  /** The background said capture is over. */
  onStop(): void;
  /** The extension is gone (reloaded/uninstalled): connecting throws. */
  onDead?(): void;
  /** The row template a 'row' observation names (each batch carries the ones its rows need). */
  templateOf?(id: number): RowTemplate | undefined;
  /** Time from the first queued observation to sending its batch. */
  delayMs?: number;
  maxItems?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: any) => void;
}

export const BATCH_DELAY_MS = 20;
export const BATCH_MAX_ITEMS = 500;
const BACKOFF_MS = [100, 250, 500, 1000, 2000, 4000, 8000];

export class Outbox {
  private queue: Observation[] = [];
  private unacked: CaptureBatch[] = [];
  private nextBatchNo = 0;
  private port: PortLike | null = null;
  private batchTimer: unknown = null;
  private reconnectTimer: unknown = null;
  private attempt = 0;
  private closed = false;
  private microtask = false;
  private readonly setT: (fn: () => void, ms: number) => unknown;
  private readonly clearT: (id: any) => void;

  constructor(private opts: OutboxOptions) {
    this.setT = opts.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearT = opts.clearTimeout ?? ((id) => clearTimeout(id));
  }

  /** Batches sent but not yet acknowledged. */
  get pending(): readonly CaptureBatch[] {
    return this.unacked;
  }

  get connected(): boolean {
    return this.port !== null;
  }

  /** Queues one observation; it leaves within delayMs, or at once when the batch is full. */
  push(o: Observation): void {
    if (this.closed) return;
    this.queue.push(o);
    if (this.queue.length >= (this.opts.maxItems ?? BATCH_MAX_ITEMS)) this.seal();
    else if (!this.unacked.length && this.port) {
      // Nothing in flight: send at the end of this task (one reconcile's observations together) instead of waiting.
      if (!this.microtask) {
        this.microtask = true;
        queueMicrotask(() => {
          this.microtask = false;
          if (this.queue.length && !this.closed) this.seal();
        });
      }
    } else if (this.batchTimer === null) this.batchTimer = this.setT(() => this.seal(), this.opts.delayMs ?? BATCH_DELAY_MS);
  }

  /** Sends whatever is queued now (page hiding or unloading). */
  flush(): void {
    if (this.queue.length) this.seal();
    else if (this.unacked.length && !this.port) this.ensurePort();
  }

  /** Opens the port now (after detection found a chat), so the background knows this frame. */
  open(): void {
    this.ensurePort();
  }

  /** Says hello again on an open port (what the frame reports in it changed); a new port says it anyway. */
  resendHello(): void {
    if (this.port) this.post(this.opts.hello());
  }

  private seal(): void {
    if (this.batchTimer !== null) {
      this.clearT(this.batchTimer);
      this.batchTimer = null;
    }
    while (this.queue.length) {
      const items = this.queue.splice(0, this.opts.maxItems ?? BATCH_MAX_ITEMS);
      const batch: CaptureBatch = { type: 'batch', frame: this.opts.frame, batchNo: this.nextBatchNo++, items };
      for (const o of items) {
        if (o.kind !== 'row' || batch.templates?.[o.template]) continue;
        const template = this.opts.templateOf?.(o.template);
        if (template) (batch.templates ??= {})[o.template] = template;
      }
      this.unacked.push(batch);
      if (this.port) this.post(batchToWire(batch));
    }
    this.ensurePort();
  }

  private post(message: unknown): void {
    try {
      this.port?.postMessage(message);
    } catch {
      // The port died under us; onDisconnect (or the next ensurePort) reconnects and resends.
      this.dropPort();
    }
  }

  private ensurePort(): void {
    if (this.port || this.closed || this.reconnectTimer !== null) return;
    let port: PortLike;
    try {
      port = this.opts.connect();
    } catch {
      this.closed = true;
      this.opts.onDead?.();
      return;
    }
    this.port = port;
    port.onMessage.addListener((m: BackgroundToContent) => this.onMessage(port, m));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      if (!this.closed && this.unacked.length) this.scheduleReconnect();
    });
    this.post(this.opts.hello());
    for (const batch of this.unacked) this.post(batchToWire(batch));
  }

  private dropPort(): void {
    const port = this.port;
    this.port = null;
    try {
      port?.disconnect();
    } catch {
      /* already gone */
    }
    if (!this.closed && this.unacked.length) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer !== null) return;
    const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)];
    this.reconnectTimer = this.setT(() => {
      this.reconnectTimer = null;
      this.ensurePort();
    }, delay);
  }

  private onMessage(port: PortLike, m: BackgroundToContent): void {
    if (this.port !== port || !m || typeof m !== 'object') return;
    if (m.type === 'ack' && m.frame === this.opts.frame) {
      this.attempt = 0;
      this.unacked = this.unacked.filter((b) => b.batchNo !== m.batchNo);
      // What queued up while the batch was being stored goes now.
      if (!this.unacked.length && this.queue.length) this.seal();
    } else if (m.type === 'stop') {
      this.opts.onStop();
    }
  }

  /** Stops sending: with `deliver`, what is queued is sent first. */
  close(deliver = true): void {
    if (this.closed) return;
    if (deliver) this.flush();
    this.closed = true;
    if (this.batchTimer !== null) this.clearT(this.batchTimer);
    if (this.reconnectTimer !== null) this.clearT(this.reconnectTimer);
    this.batchTimer = this.reconnectTimer = null;
    const port = this.port;
    this.port = null;
    // Give a just-posted batch a moment to leave before the port closes.
    if (port) this.setT(() => port.disconnect(), deliver ? 1000 : 0);
  }
}
