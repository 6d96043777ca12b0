// A message of words and a picture still loading is read once the picture has loaded (or failed):
// only then does its size tell whether it is a picture sent or an avatar or icon. Recorded before,
// the message would be recorded again, as an edit, with its picture. But words are not held back
// for long: a picture slower than PICTURE_WAIT_MS, or one the page loads only when scrolled to
// (loading="lazy"), is not waited for, and the words are recorded alone, for good: the picture
// showing up later is no edit of the message (nothing stays unrecorded while a server is slow).
// Nor is one waited for once a row follows: the words are recorded before it, in chat order.

/** How long a message's words wait for a picture of it to load (ms). */
export const PICTURE_WAIT_MS = 1500;

export class PictureWait {
  /** Rows whose words wait, and when each began to (ms). */
  private since = new WeakMap<Element, number>();
  /** Rows whose words were read without their picture: they are read so from then on. */
  private alone = new WeakSet<Element>();
  /** Rows waiting now. */
  private waiting = new Set<Element>();

  constructor(
    private deps: {
      /** The wait of `row` is over: read it again. */
      timeUp(row: Element): void;
      now(): number;
    },
  ) {}

  /**
   * Whether `row`, whose `picture` is loading, waits for it: for PICTURE_WAIT_MS from the first
   * time it is asked, while it is the `last` row of the list, never for a lazy picture. Once it
   * no longer waits, its words are alone.
   */
  waits(row: Element, picture: HTMLImageElement, last: boolean): boolean {
    if (this.alone.has(row)) return false;
    if (!last || picture.getAttribute('loading')?.toLowerCase() === 'lazy') return this.giveUp(row);
    const now = this.deps.now();
    const since = this.since.get(row);
    if (since === undefined) {
      this.since.set(row, now);
      setTimeout(() => this.deps.timeUp(row), PICTURE_WAIT_MS);
    } else if (now - since >= PICTURE_WAIT_MS) return this.giveUp(row);
    this.waiting.add(row);
    return true;
  }

  /**
   * The rows waiting now, no longer counted as such: the engine reads them again before any row
   * that changed (a row drawn after one ends its wait, so it is recorded first); still waiting,
   * they say so again.
   */
  take(): Element[] {
    const rows = [...this.waiting];
    this.waiting.clear();
    return rows;
  }

  /** Whether `row`'s words were read without their picture (it is not added to them later). */
  wordsAlone(row: Element): boolean {
    return this.alone.has(row);
  }

  private giveUp(row: Element): false {
    this.alone.add(row);
    this.waiting.delete(row);
    return false;
  }
}
