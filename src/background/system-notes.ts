// The words of the system entries the extension itself writes into a record (capture went on
// after a page load, or after the page changed its address in place; older messages the page
// showed later; messages that became readable after later ones), in the person's language:
// the language setting, else the browser's (translator.ts).
import { formatEntryRefs } from '../lib/entry-refs';
import type { TranslateFn } from '../lib/i18n';
import { getSettings } from '../lib/store/settings';
import { getDb } from './db';
import { translatorFor } from './translator';

/** The messages.json keys of the notes about a page address; each takes the address as $1. */
export type SystemNoteKey = 'capture_note_reload' | 'capture_note_navigation';

/** Used when the locale file cannot be read (should not happen in a built extension). */
const FALLBACK: Record<SystemNoteKey | PlacementKey, string> = {
  capture_note_reload: '[continued after page load: $1]',
  capture_note_navigation: '[continued after in-page navigation: $1]',
  capture_note_placed_one: '[entry $1 is an older message the page showed later: in the chat it comes before entry #$2]',
  capture_note_placed: '[entries $1 are older messages the page showed later: in the chat they come before entry #$2]',
  capture_note_late_one: '[entry $1 became a message on the page after later ones were recorded: in the chat it comes before entry #$2]',
  capture_note_late: '[entries $1 became messages on the page after later ones were recorded: in the chat they come before entry #$2]',
};
type PlacementKey = 'capture_note_placed_one' | 'capture_note_placed' | 'capture_note_late_one' | 'capture_note_late';

/** Translates a note key in the person's language, falling back to the English wording. */
async function noteTranslator(): Promise<(key: SystemNoteKey | PlacementKey, ...subs: string[]) => string> {
  let t: TranslateFn | null = null;
  try {
    t = (await translatorFor(await getSettings(await getDb()))).t;
  } catch {
    // the English wording below
  }
  return (key, ...subs) => {
    const text = t?.(key, ...subs);
    if (text !== undefined && text !== key) return text;
    return FALLBACK[key].replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);
  };
}

/** The text of a system note about `url`, in the person's language. */
export async function systemNoteText(key: SystemNoteKey, url: string): Promise<string> {
  return (await noteTranslator())(key, url);
}

/**
 * The note for messages found above recorded ones (older history shown while scrolling up), or
 * with `late`, for rows that became messages after later ones were recorded (a picture that
 * loaded late), in the person's language: names their entries, in page order, and the entry
 * they come before.
 */
export async function placementNote(late = false): Promise<(seqs: number[], before: number) => string> {
  const t = await noteTranslator();
  const [one, many]: PlacementKey[] = late ? ['capture_note_late_one', 'capture_note_late'] : ['capture_note_placed_one', 'capture_note_placed'];
  return (seqs, before) => t(seqs.length === 1 ? one : many, formatEntryRefs(seqs), String(before));
}
