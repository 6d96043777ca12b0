// The user's own phrases as a JSON file (export and import), and the list filters of
// the Phrases panel. Imports are validated field by field: a phrase file is user input.
import { STAGES, type Phrase, type Stage } from '../../lib/suggest/types';
import type { Locale } from '../../lib/messages';

export const PHRASES_FILE_FORMAT = 'chat-evidence-phrases';
const MAX_TEXT = 2000;
const MAX_PHRASES = 2000;

export interface PhrasesFile {
  format: typeof PHRASES_FILE_FORMAT;
  version: 1;
  exportedAt: string;
  phrases: Phrase[];
}

export function phrasesFile(phrases: readonly Phrase[], now: Date): PhrasesFile {
  return {
    format: PHRASES_FILE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    phrases: phrases.filter((p) => p.origin === 'user').map((p) => ({ ...p })),
  };
}

export type ParseResult = { ok: true; phrases: Phrase[]; skipped: number } | { ok: false; error: 'json' | 'format' | 'empty' };

const isStage = (v: unknown): v is Stage => typeof v === 'string' && (STAGES as readonly string[]).includes(v);
const isLocale = (v: unknown): v is Locale => v === 'zh-CN' || v === 'en';

/** Reads a phrases file (or a bare array of phrases); keeps the valid phrases, all as the user's own. */
export function parsePhrasesFile(json: string, makeId: () => string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'json' };
  }
  let list: unknown;
  if (Array.isArray(data)) list = data;
  else if (data && typeof data === 'object' && (data as Record<string, unknown>).format === PHRASES_FILE_FORMAT) list = (data as Record<string, unknown>).phrases;
  if (!Array.isArray(list)) return { ok: false, error: 'format' };
  const phrases: Phrase[] = [];
  const ids = new Set<string>();
  let skipped = 0;
  for (const item of list.slice(0, MAX_PHRASES)) {
    const p = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const text = typeof p.text === 'string' ? p.text.trim() : '';
    if (!text || text.length > MAX_TEXT || !isStage(p.stage) || !isLocale(p.locale)) {
      skipped++;
      continue;
    }
    let id = typeof p.id === 'string' && /^[\w.:-]{1,100}$/.test(p.id) ? p.id : makeId();
    if (ids.has(id)) id = makeId();
    ids.add(id);
    const phrase: Phrase = { id, stage: p.stage, locale: p.locale, text, origin: 'user' };
    if (p.pinned === true) phrase.pinned = true;
    if (typeof p.replaces === 'string' && p.replaces) phrase.replaces = p.replaces;
    if (typeof p.updatedAt === 'string') phrase.updatedAt = p.updatedAt;
    phrases.push(phrase);
  }
  skipped += Math.max(0, list.length - MAX_PHRASES);
  if (phrases.length === 0) return { ok: false, error: 'empty' };
  return { ok: true, phrases, skipped };
}

/** How many imported phrases are new and how many overwrite an existing phrase of the user's. */
export function importPlan(incoming: readonly Phrase[], existing: readonly Phrase[]): { added: number; replaced: number } {
  const known = new Set(existing.filter((p) => p.origin === 'user').map((p) => p.id));
  const replaced = incoming.filter((p) => known.has(p.id)).length;
  return { added: incoming.length - replaced, replaced };
}

/** The phrases matching a search (words anywhere, any order, case-insensitive) and a stage filter; pinned first, then in stage order. */
export function filterPhrases(phrases: readonly Phrase[], filter: { query: string; stage: Stage | '' }): Phrase[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return phrases
    .filter((p) => (!filter.stage || p.stage === filter.stage) && words.every((w) => p.text.toLowerCase().includes(w)))
    .sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
}

/**
 * The phrase to save after an edit: the user's own phrase changes in place; a builtin
 * phrase is never changed, the user gets their own copy that replaces it.
 */
export function editedPhrase(original: Phrase, changes: { text: string; stage: Stage; pinned?: boolean }, makeId: () => string, now: Date): Phrase {
  const base: Phrase =
    original.origin === 'user' ? { ...original } : { id: makeId(), stage: original.stage, locale: original.locale, text: original.text, origin: 'user', replaces: original.id };
  return { ...base, text: changes.text.trim(), stage: changes.stage, pinned: changes.pinned ?? original.pinned ?? false, updatedAt: now.toISOString() };
}

/** A new id for a phrase of the user's. */
export function newPhraseId(): string {
  return `user-${crypto.randomUUID()}`;
}
