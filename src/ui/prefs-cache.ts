// A copy of the language and theme settings in the extension origin's
// localStorage, so a page paints in the right language and colours at once,
// before the service worker (which may be asleep) answers settings.get. Pages
// of the same origin hear each other's writes through the "storage" event.
import type { LanguageSetting, ThemeSetting } from '../lib/settings';

export const PREFS_KEY = 'chat-evidence.ui-prefs';

export interface UiPrefs {
  language: LanguageSetting;
  theme: ThemeSetting;
}

export function parsePrefs(raw: string | null): UiPrefs {
  const out: UiPrefs = { language: 'auto', theme: 'auto' };
  if (!raw) return out;
  try {
    const v = JSON.parse(raw) as Partial<UiPrefs>;
    if (v.language === 'zh-CN' || v.language === 'en') out.language = v.language;
    if (v.theme === 'light' || v.theme === 'dark') out.theme = v.theme;
  } catch {
    // A damaged cache is only a cache: fall back to the defaults.
  }
  return out;
}

export function readPrefs(): UiPrefs {
  try {
    return parsePrefs(localStorage.getItem(PREFS_KEY));
  } catch {
    return parsePrefs(null);
  }
}

export function writePrefs(prefs: UiPrefs): void {
  try {
    const raw = JSON.stringify(prefs);
    if (localStorage.getItem(PREFS_KEY) !== raw) localStorage.setItem(PREFS_KEY, raw);
  } catch {
    // Storage may be unavailable (e.g. disabled); the settings still come from the background.
  }
}
