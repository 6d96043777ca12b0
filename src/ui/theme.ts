// Applies the theme setting to a document: "auto" leaves the choice to
// prefers-color-scheme (see ui.css), light/dark force a palette.
import type { ThemeSetting } from '../lib/settings';

export function applyTheme(theme: ThemeSetting, root: HTMLElement = document.documentElement): void {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}
