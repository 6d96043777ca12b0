// The live transcript's bookkeeping: merging pushed entries into what the sidebar
// already has, and finding the agent's latest turn (suggestions follow it).
import type { Entry } from '../../lib/evidence/types';

/** Merges newly pushed entries into the list: one entry per seq, in seq order. */
export function mergeEntries(current: readonly Entry[], incoming: readonly Entry[]): Entry[] {
  if (incoming.length === 0) return current as Entry[];
  const bySeq = new Map<number, Entry>();
  for (const e of current) bySeq.set(e.seq, e);
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The seq of the agent's last message or edit, or null: when it changes, the agent's turn changed. */
export function lastAgentTurn(entries: readonly Entry[]): number | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.speaker === 'agent' && (e.kind === 'message' || e.kind === 'edit')) return e.seq;
  }
  return null;
}
