// The words of the system entries the extension itself writes into a record (capture went on
// after a page load, or after the page changed its address in place), in the person's language:
// the language setting, else the browser's. The locale files are read once per worker.
import browser from '../lib/browser';
import { createTranslator, loadMessages, resolveLocale, type Messages } from '../lib/i18n';
import type { Locale } from '../lib/messages';
import { getSettings } from '../lib/store/settings';
import { getDb } from './db';

/** The messages.json keys of the notes; each takes the page address as $1. */
export type SystemNoteKey = 'capture_note_reload' | 'capture_note_navigation';

/** Used when the locale file cannot be read (should not happen in a built extension). */
const FALLBACK: Record<SystemNoteKey, string> = {
  capture_note_reload: '[continued after page load: $1]',
  capture_note_navigation: '[continued after in-page navigation: $1]',
};

const loaded = new Map<Locale, Promise<Messages>>();

function messagesOf(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = loadMessages(locale, (path) => browser.runtime.getURL(path));
    messages.catch(() => loaded.delete(locale));
    loaded.set(locale, messages);
  }
  return messages;
}

/** The text of a system note about `url`, in the person's language. */
export async function systemNoteText(key: SystemNoteKey, url: string): Promise<string> {
  try {
    const settings = await getSettings(await getDb());
    const locale = resolveLocale(settings.language, browser.i18n.getUILanguage());
    const { t } = createTranslator(await messagesOf(locale), locale);
    const text = t(key, url);
    if (text !== key) return text;
  } catch {
    // fall through to the English wording
  }
  return FALLBACK[key].replace('$1', url);
}
