// After a reload, the background hands back the last messages the session already stored.
// The page usually shows them again (all at once, or one by one as it loads its history);
// these functions tell how many of the first on-screen messages were already recorded.

export interface RecentMessage {
  speaker: string;
  text: string;
}

const same = (a: RecentMessage, b: RecentMessage) => a.speaker === b.speaker && a.text === b.text;

/**
 * How many of the first on-screen messages were already recorded: the end of the longest run
 * on screen equal to a tail of `recent`. A run counts when it starts the screen, covers all of
 * `recent`, or is at least three messages long (so one common "好的" does not hide new ones).
 * Among equally long runs the last one on screen wins.
 */
export function skipCountForRecent(screen: RecentMessage[], recent: RecentMessage[]): number {
  if (!recent.length || !screen.length) return 0;
  const n = recent.length;
  let bestLen = 0;
  let bestEnd = -1;
  for (let end = 0; end < screen.length; end++) {
    // Length of the run ending at `end` that equals a tail of `recent`.
    let k = 0;
    while (k < n && end - k >= 0 && same(screen[end - k], recent[n - 1 - k])) k++;
    if (!k) continue;
    const start = end - k + 1;
    const acceptable = start === 0 || k === n || k >= 3;
    if (acceptable && k >= bestLen) {
      bestLen = k;
      bestEnd = end;
    }
  }
  return bestEnd + 1;
}

/** Length of the longest start of `screen` that equals a run somewhere inside `recent`. */
function leadingRunInRecent(screen: RecentMessage[], recent: RecentMessage[]): { length: number; endsAtTail: boolean } {
  let best = { length: 0, endsAtTail: false };
  for (let j = 0; j < recent.length; j++) {
    let m = 0;
    while (m < screen.length && j + m < recent.length && same(screen[m], recent[j + m])) m++;
    if (m > best.length) best = { length: m, endsAtTail: j + m === recent.length };
  }
  return best;
}

export interface ReplayVerdict {
  /** Leading on-screen messages already recorded. */
  skip: number;
  /** False while everything seen may still be the page re-showing recorded history (wait for more). */
  decided: boolean;
}

/** Judges the messages seen so far since (re)start against what the session already recorded. */
export function judgeReplay(screen: RecentMessage[], recent: RecentMessage[]): ReplayVerdict {
  if (!recent.length) return { skip: 0, decided: true };
  if (!screen.length) return { skip: 0, decided: false };
  const tail = skipCountForRecent(screen, recent);
  const lead = leadingRunInRecent(screen, recent);
  const leadSkip = lead.length >= 2 || lead.endsAtTail || recent.length === 1 ? lead.length : 0;
  const skip = Math.max(tail, leadSkip);
  // The recorded tail has been seen: what follows is new.
  if (tail > 0) return { skip, decided: true };
  // Everything so far is a run from the middle of the recorded history: more of it may follow.
  if (lead.length === screen.length) return { skip, decided: false };
  return { skip, decided: true };
}
