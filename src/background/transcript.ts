// Turns stored entries into the conversation as the page shows it now: messages with
// their latest edit applied and recalled ones dropped. Context for suggestions.
import type { Entry, Speaker } from '../lib/evidence/types';

export function messagesOf(entries: Entry[]): { speaker: Speaker; text: string }[] {
  const bySeq = new Map<number, { speaker: Speaker; text: string } | null>();
  for (const e of entries) {
    if (e.kind === 'message') bySeq.set(e.seq, { speaker: e.speaker, text: e.text });
    else if (e.kind === 'edit' && e.ref !== null && bySeq.get(e.ref)) bySeq.set(e.ref, { speaker: e.speaker, text: e.text });
    else if (e.kind === 'remove' && e.ref !== null) bySeq.set(e.ref, null);
  }
  return [...bySeq.values()].filter((m): m is { speaker: Speaker; text: string } => m !== null && m.text !== '');
}
