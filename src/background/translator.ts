// The background's words in the person's language (the language setting, else the
// browser's): for the system entries it writes into a record and for the labels the
// content script draws in pages. The locale files are read once per worker.
import browser from '../lib/browser';
import { createTranslator, loadMessages, resolveLocale, type Messages, type Translator } from '../lib/i18n';
import type { Locale } from '../lib/messages';
import type { Settings } from '../lib/settings';

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

/** A translator in the locale `settings.language` resolves to; it throws when the locale file cannot be read. */
export async function translatorFor(settings: Pick<Settings, 'language'>): Promise<Translator> {
  const locale = resolveLocale(settings.language, browser.i18n.getUILanguage());
  return createTranslator(await messagesOf(locale), locale);
}
