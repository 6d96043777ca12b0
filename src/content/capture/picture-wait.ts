// A message of words and a picture still loading is read once the picture has loaded (or failed):
// only then does its size tell whether it is a picture sent or an avatar or icon, and a message
// recorded before would be recorded again, as an edit, with its picture. But words are not held
// back for long: a picture slower than PICTURE_WAIT_MS is not waited for, and its words are
// recorded alone (nothing stays unrecorded while a server is slow).

/** How long a message's words wait for a picture of it to load (ms). */
export const PICTURE_WAIT_MS = 1500;

export class PictureWait {
  /** Rows whose words wait, and when each began to (ms). */
  private since = new WeakMap<Element, number>();

  constructor(
    private deps: {
      /** The wait of `row` is over: read it again. */
      timeUp(row: Element): void;
      now(): number;
    },
  ) {}

  /** Whether `row`, whose picture is loading, waits for it: for PICTURE_WAIT_MS from the first time it is asked. */
  waits(row: Element): boolean {
    const now = this.deps.now();
    const since = this.since.get(row);
    if (since === undefined) {
      this.since.set(row, now);
      setTimeout(() => this.deps.timeUp(row), PICTURE_WAIT_MS);
      return true;
    }
    return now - since < PICTURE_WAIT_MS;
  }
}
