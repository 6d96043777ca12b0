// A row drawn hidden by its style (display: none, or visibility: hidden from its own class) is
// no message yet, but a widget may show it a moment later, a bot's reply revealed after a pause,
// by changing a class or a style. The list's observer does not hear that (it listens for the
// `hidden` attribute alone: classes and styles change all the time on busy pages), so such rows
// are looked at again a few times a second until shown, gone, or hidden for a minute.

/** How often hidden rows are looked at again (ms). */
export const HIDDEN_POLL_MS = 250;
/** How long a row may stay hidden before it is no longer looked at (ms). */
export const HIDDEN_WATCH_MS = 60_000;
/** Most rows watched at once (a list that keeps many hidden rows does not cost more). */
const HIDDEN_WATCH_MAX = 50;

export class HiddenRows {
  /** Rows watched, and when each was first seen hidden (ms). */
  private rows = new Map<Element, number>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private deps: {
      isHidden(row: Element): boolean;
      /** The row is shown now: read it again. */
      shown(row: Element): void;
      now(): number;
    },
  ) {}

  /** Watches `row`, read while hidden. */
  add(row: Element): void {
    if (this.rows.has(row) || this.rows.size >= HIDDEN_WATCH_MAX) return;
    this.rows.set(row, this.deps.now());
    this.timer ??= setInterval(() => this.check(), HIDDEN_POLL_MS);
  }

  private check(): void {
    const now = this.deps.now();
    for (const [row, since] of this.rows) {
      if (!row.isConnected || now - since > HIDDEN_WATCH_MS) this.rows.delete(row);
      else if (!this.deps.isHidden(row)) {
        this.rows.delete(row);
        this.deps.shown(row);
      }
    }
    if (!this.rows.size) this.clear();
  }

  /** Stops watching every row. */
  clear(): void {
    this.rows.clear();
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
