// Filtering the session list by text, site and date. Text matches the title,
// URL, agent and, once loaded, every entry's text (case-insensitive).
import type { Entry } from '../lib/evidence/types';
import { hostOf, localDay } from '../lib/format';
import type { SessionSummary } from '../lib/messages';

export interface SessionFilter {
  text: string;
  /** A host, or '' for every site. */
  site: string;
  /** YYYY-MM-DD bounds (inclusive, local days), or ''. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: SessionFilter = { text: '', site: '', from: '', to: '' };

export interface SessionMatch {
  session: SessionSummary;
  /** The first entry whose text matched, to show as a snippet. */
  entry: Entry | null;
}

/** The distinct sites of the sessions, sorted. */
export function sitesOf(sessions: SessionSummary[]): string[] {
  return [...new Set(sessions.map((s) => hostOf(s.url)))].sort();
}

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/**
 * Applies the filter. `entriesOf` gives a session's entries when loaded
 * (undefined while not), so text search can start on titles and improve as
 * transcripts arrive.
 */
export function filterSessions(
  sessions: SessionSummary[],
  filter: SessionFilter,
  entriesOf: (id: string) => Entry[] | undefined = () => undefined,
): SessionMatch[] {
  const words = normalise(filter.text).split(/\s+/).filter(Boolean);
  const out: SessionMatch[] = [];
  for (const s of sessions) {
    if (filter.site && hostOf(s.url) !== filter.site) continue;
    const day = localDay(s.startedAt) ?? '';
    if (filter.from && day < filter.from) continue;
    if (filter.to && day > filter.to) continue;
    if (words.length === 0) {
      out.push({ session: s, entry: null });
      continue;
    }
    const entries = entriesOf(s.id) ?? [];
    const meta = normalise([s.title, s.url, s.agent?.name ?? '', s.agent?.employeeId ?? ''].join(' '));
    const texts = entries.map((e) => normalise(e.text));
    const haystack = meta + ' ' + texts.join(' ');
    if (!words.every((w) => haystack.includes(w))) continue;
    const hit = entries.find((_, i) => words.some((w) => texts[i].includes(w))) ?? null;
    out.push({ session: s, entry: hit });
  }
  return out;
}

/** A short piece of `text` around the first occurrence of a query word. */
export function snippet(text: string, query: string, radius = 40): string {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const lower = normalise(text);
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), Infinity);
  if (!Number.isFinite(at)) return text.slice(0, radius * 2);
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + radius);
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}
