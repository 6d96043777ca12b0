// The in-page sidebar host: a launcher button and a docked sidebar (sidebar.html in an
// iframe) inside a closed shadow root, in the top frame only. The content script's entry
// wires these exports to the 'content.sidebar-toggle' tab command and to the page look
// (the showLauncher, theme and language settings: lib/page-look.ts).
import browser from '../../lib/browser';
import { hostLabelsOf, type HostLabels, type PageLook } from '../../lib/page-look';
import { createHost, type Host } from './host-element';
import { createLauncher, type Launcher } from './launcher';
import { createPanel, type Panel } from './panel';
import { parseHostPrefs, STORAGE_KEY, type HostPrefs } from './layout';

interface State {
  host: Host;
  launcher: Launcher;
  panel: Panel;
  prefs: HostPrefs;
}

let state: State | null = null;
let statePromise: Promise<State | null> | null = null;
let launcherWanted = false;
/** What was asked before the host was ready (the prefs load is asynchronous). */
let pendingOpen: { open: boolean; focus: boolean } | null = null;
let recording = false;
/** Theme and labels in the language setting, once it arrives; until then (or if it never does), the system's theme and the browser's language. */
let look: PageLook | null = null;

const isTopFrame = () => {
  try {
    return window.top === window;
  } catch {
    return false;
  }
};

/** In the browser's language (browser.i18n), until the page look brings the language setting's. */
const browserLanguageLabels = () => hostLabelsOf((key) => browser.i18n.getMessage(key));

const panelLabels = (l: HostLabels) => ({ frameTitle: l.frame, collapseLabel: l.collapse, resizeLabel: l.resize });

async function loadPrefs(): Promise<HostPrefs> {
  try {
    const stored = await browser.storage.local.get(STORAGE_KEY);
    return parseHostPrefs(stored[STORAGE_KEY]);
  } catch {
    return parseHostPrefs(undefined);
  }
}

function savePrefs(prefs: HostPrefs): void {
  browser.storage.local.set({ [STORAGE_KEY]: prefs }).catch(() => {
    // Not fatal: the launcher just starts at its default place next time.
  });
}

function ensureHost(): Promise<State | null> {
  if (!isTopFrame()) return Promise.resolve(null);
  statePromise ??= loadPrefs().then((prefs) => {
    const host = createHost();
    const shown = look?.hostLabels ?? browserLanguageLabels();
    const launcher = createLauncher(host.shadow, {
      label: shown.launcher,
      position: prefs.launcher,
      onActivate: () => setOpen(true, true),
      onMoved: (position) => {
        prefs.launcher = position;
        savePrefs(prefs);
      },
    });
    const panel = createPanel(host.shadow, {
      src: browser.runtime.getURL('sidebar.html'),
      ...panelLabels(shown),
      width: prefs.width,
      onCollapse: () => setOpen(false, true),
      onResized: (width) => {
        prefs.width = width;
        savePrefs(prefs);
      },
    });
    launcher.setRecording(recording);
    state = { host, launcher, panel, prefs };
    applyLook();
    render();
    if (pendingOpen) {
      const p = pendingOpen;
      pendingOpen = null;
      setOpen(p.open, p.focus);
    }
    return state;
  });
  return statePromise;
}

/** The panel's edge and collapse tab follow the theme setting, like the sidebar page beside them; the labels, the language setting. */
function applyLook(): void {
  if (!state) return;
  const theme = look?.theme ?? 'auto';
  if (theme === 'auto') delete state.panel.element.dataset.theme;
  else state.panel.element.dataset.theme = theme;
  if (look) {
    state.launcher.setLabel(look.hostLabels.launcher);
    state.panel.setLabels(panelLabels(look.hostLabels));
  }
}

function render(): void {
  if (!state) return;
  state.launcher.setVisible(launcherWanted && !state.panel.isShown());
}

function setOpen(open: boolean, focus: boolean): void {
  if (!state) {
    pendingOpen = { open, focus };
    void ensureHost();
    return;
  }
  if (open) state.panel.show(focus);
  else state.panel.hide();
  render();
  if (!open && focus && launcherWanted) state.launcher.element.focus();
}

/** Opens, closes (open given) or flips (open omitted) the sidebar; does nothing outside the top frame. */
export function toggleSidebar(open?: boolean): void {
  if (!isTopFrame()) return;
  setOpen(open ?? !isSidebarOpen(), false);
}

/** Whether the sidebar is open in this page (counting a pending open). */
export function isSidebarOpen(): boolean {
  if (!state) return pendingOpen?.open ?? false;
  return state.panel.isShown();
}

/**
 * Shows or hides the launcher button (the showLauncher setting) and gives the host the theme
 * and language of the page look (null when it could not be read: the launcher shows, in the
 * browser's language); creates the host when first needed. Called again whenever the look changes.
 */
export function mountLauncher(next: PageLook | null): void {
  if (!isTopFrame()) return;
  look = next;
  launcherWanted = look?.showLauncher ?? true;
  applyLook();
  if (state) render();
  else if (launcherWanted) void ensureHost();
}

/** Marks the launcher with a red dot while the tab is being recorded. */
export function setLauncherRecording(on: boolean): void {
  recording = on;
  state?.launcher.setRecording(on);
}
