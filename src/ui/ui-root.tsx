// The root every page (popup, sidebar, viewer) mounts its app in: it applies the
// theme, loads the chosen locale's messages and provides them, keeps the settings
// and follows changes made on other pages. It paints from a localStorage copy of
// the language/theme first, then corrects itself from settings.get.
import type { ComponentChildren } from 'preact';
import { createContext, render, type ComponentType } from 'preact';
import { useCallback, useContext, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import browser from '../lib/browser';
import { createTranslator, loadMessages, resolveLocale, type Messages, type Translator } from '../lib/i18n';
import type { Locale } from '../lib/messages';
import type { Settings } from '../lib/settings';
import { api } from './api';
import { I18nContext } from './i18n-context';
import { PREFS_KEY, readPrefs, writePrefs, type UiPrefs } from './prefs-cache';
import { applyTheme } from './theme';

export interface SettingsState {
  /** null until settings.get answers (or when it failed). */
  settings: Settings | null;
  /** Saves a change through settings.set and applies it to this page at once. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

const SettingsContext = createContext<SettingsState>({
  settings: null,
  update: () => Promise.reject(new Error('no settings provider')),
});

export function useSettings(): SettingsState {
  return useContext(SettingsContext);
}

const messageCache = new Map<Locale, Promise<Messages>>();
/** Loads (once) a locale's messages; pages may call it early to start the fetch. */
export function preloadMessages(locale: Locale): Promise<Messages> {
  let p = messageCache.get(locale);
  if (!p) {
    p = loadMessages(locale, (path) => browser.runtime.getURL(path));
    messageCache.set(locale, p);
  }
  return p;
}

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

export function localeOf(prefs: Pick<UiPrefs, 'language'>): Locale {
  return resolveLocale(prefs.language, uiLanguage());
}

function UiRoot({ titleKey, children }: { titleKey: string; children: ComponentChildren }) {
  const [prefs, setPrefs] = useState<UiPrefs>(readPrefs);
  const [translator, setTranslator] = useState<Translator | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const locale = localeOf(prefs);

  useEffect(() => applyTheme(prefs.theme), [prefs.theme]);

  useEffect(() => {
    let live = true;
    preloadMessages(locale)
      .then((m) => live && setTranslator(createTranslator(m, locale)))
      .catch(() => live && setTranslator(createTranslator({}, locale)));
    return () => {
      live = false;
    };
  }, [locale]);

  // Before the browser paints (a layout effect): the page is in its language from its first paint.
  useLayoutEffect(() => {
    if (!translator) return;
    // Measured by the end-to-end tests: script start → the shell in the DOM with its words, ready
    // to paint (a plain effect would run after that paint, and a first paint could precede it).
    if (performance.getEntriesByName('ui-ready').length === 0) performance.mark('ui-ready');
    document.documentElement.lang = translator.locale;
    document.title = translator.t(titleKey);
  }, [translator, titleKey]);

  const adopt = useCallback((s: Settings) => {
    setSettings(s);
    const next = { language: s.language, theme: s.theme };
    writePrefs(next);
    setPrefs((p) => (p.language === next.language && p.theme === next.theme ? p : next));
  }, []);

  useEffect(() => {
    api('settings.get', {}).then((r) => adopt(r.settings)).catch(() => undefined);
    // Another page of the extension changed the settings: follow it.
    const onStorage = (e: StorageEvent) => {
      if (e.key !== PREFS_KEY) return;
      setPrefs(readPrefs());
      api('settings.get', {}).then((r) => setSettings(r.settings)).catch(() => undefined);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [adopt]);

  const update = useCallback(
    async (patch: Partial<Settings>) => {
      const r = await api('settings.set', { settings: patch });
      adopt(r.settings);
      return r.settings;
    },
    [adopt],
  );

  // Nothing to paint without words; the messages file is local and arrives in a few ms.
  if (!translator) return null;
  return (
    <I18nContext.Provider value={translator}>
      <SettingsContext.Provider value={{ settings, update }}>{children}</SettingsContext.Provider>
    </I18nContext.Provider>
  );
}

/** Mounts a page's app inside UiRoot; `titleKey` names the document title's message. */
export function mountApp(App: ComponentType, titleKey: string, el: HTMLElement = document.getElementById('app')!): void {
  performance.mark('ui-start');
  const prefs = readPrefs();
  applyTheme(prefs.theme);
  void preloadMessages(localeOf(prefs));
  render(
    <UiRoot titleKey={titleKey}>
      <App />
    </UiRoot>,
    el,
  );
}
