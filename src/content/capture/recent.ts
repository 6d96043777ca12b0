// After a reload, the background hands back the last messages the session already stored.
// The messages on screen usually repeat them; this finds how many on-screen messages to skip.

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
