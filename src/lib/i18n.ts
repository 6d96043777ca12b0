// Translation for the extension's own pages. browser.i18n.getMessage() always
// speaks the browser's UI language, but the user may pick another one, so pages
// load the chosen locale's _locales/<dir>/messages.json themselves and translate
// with createTranslator(), a pure function tests can run on the files directly.
import type { Locale } from './messages';
import type { LanguageSetting } from './settings';

/** One entry of a WebExtension messages.json. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** The parsed contents of a messages.json. */
export type Messages = Record<string, MessageEntry>;

/** Translates a key; substitutions fill $1…$9 (directly or through named placeholders). */
export type TranslateFn = (key: string, ...substitutions: (string | number)[]) => string;

export interface Translator {
  locale: Locale;
  t: TranslateFn;
}

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The _locales folder name of a locale (WebExtensions use an underscore). */
export function localeDir(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh_CN' : 'en';
}

/** The locale to show for a language setting, given the browser's UI language (e.g. "zh-CN", "zh", "en-US"). */
export function resolveLocale(setting: LanguageSetting, uiLanguage: string | null | undefined): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return /^zh\b/i.test(uiLanguage ?? '') ? 'zh-CN' : 'en';
}

/** Replaces $1…$9 in `text` with substitutions; "$$" stays a literal "$". */
function fillNumbered(text: string, subs: (string | number)[]): string {
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : String(subs[Number(d) - 1] ?? '')));
}

/**
 * Builds t() over a messages object, with the same substitution rules as
 * browser.i18n.getMessage: "$name$" takes its placeholder's content, whose
 * "$1"… take the substitutions. A missing key gives the key itself, so a gap
 * shows up on screen instead of an empty space (and a unit test catches it).
 */
export function createTranslator(messages: Messages, locale: Locale): Translator {
  const t: TranslateFn = (key, ...subs) => {
    const entry = messages[key];
    if (!entry) return key;
    const named = entry.placeholders ?? {};
    const lowerNamed: Record<string, string> = {};
    for (const [name, p] of Object.entries(named)) lowerNamed[name.toLowerCase()] = p.content;
    // Named placeholders first (their content may itself contain $1), then plain $1.
    const parts = entry.message.split(/(\$[A-Za-z0-9_@]+\$)/);
    return parts
      .map((part) => {
        const m = /^\$([A-Za-z0-9_@]+)\$$/.exec(part);
        if (m && lowerNamed[m[1].toLowerCase()] !== undefined) return fillNumbered(lowerNamed[m[1].toLowerCase()], subs);
        return fillNumbered(part, subs);
      })
      .join('');
  };
  return { locale, t };
}

/**
 * Loads a locale's messages.json. `getURL` is browser.runtime.getURL in pages
 * (passed in, so this module stays free of browser.* calls).
 */
export async function loadMessages(locale: Locale, getURL: (path: string) => string, fetchFn: typeof fetch = fetch): Promise<Messages> {
  const res = await fetchFn(getURL(`_locales/${localeDir(locale)}/messages.json`));
  if (!res.ok) throw new Error(`could not load messages for ${locale}: ${res.status}`);
  return (await res.json()) as Messages;
}
