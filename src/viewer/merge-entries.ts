// Live entries pushed on the "live" port join the loaded transcript.
import type { Entry } from '../lib/evidence/types';

/** Adds live entries to the loaded ones, by seq, without duplicates. */
export function mergeEntries(have: Entry[], incoming: Entry[]): Entry[] {
  const bySeq = new Map(have.map((e) => [e.seq, e]));
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
