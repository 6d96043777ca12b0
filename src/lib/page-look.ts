// What the content script's own pieces in a web page (the sidebar host's launcher and
// panel, quick insert, the element picker's tip) take from the settings: the language,
// already resolved, with the host's few labels in it, the theme, the launcher switch and
// the quick-insert shortcut. The background builds it, since a content script's own i18n
// speaks only the browser's language and the locale files are not exposed to web pages, and
// sends it to every tab when the settings change, so an open page follows at once.
import type { Locale } from './messages';
import type { Translator } from './i18n';
import type { Settings, ThemeSetting } from './settings';

/** The messages.json key of each label the sidebar host draws in the page. */
export const HOST_LABEL_KEYS = {
  launcher: 'sidebar_launcher_label',
  frame: 'sidebar_frame_title',
  collapse: 'sidebar_collapse',
  resize: 'sidebar_resize',
} as const;

export type HostLabels = Record<keyof typeof HOST_LABEL_KEYS, string>;

export interface PageLook {
  locale: Locale;
  theme: ThemeSetting;
  showLauncher: boolean;
  quickInsertShortcut: string;
  hostLabels: HostLabels;
}

/** The host's labels, each its key translated by `t`. */
export function hostLabelsOf(t: (key: string) => string): HostLabels {
  return Object.fromEntries(Object.entries(HOST_LABEL_KEYS).map(([name, key]) => [name, t(key)])) as HostLabels;
}

/** The look for `settings`, with `translator` in the locale the language setting resolves to. */
export function pageLookOf(settings: Settings, translator: Translator): PageLook {
  return {
    locale: translator.locale,
    theme: settings.theme,
    showLauncher: settings.showLauncher,
    quickInsertShortcut: settings.quickInsertShortcut,
    hostLabels: hostLabelsOf(translator.t),
  };
}
