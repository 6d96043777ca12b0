// The host's styles, all inside its closed shadow root: the page's CSS cannot reach
// them, and `all: initial` on the host (set inline with !important) keeps the page's
// inherited styles out.

/**
 * Style of the host element itself, set through CSSOM with !important (a page's CSP may
 * forbid style attributes, never CSSOM): outside the page's layout, above everything.
 */
export const HOST_STYLE: readonly [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['contain', 'style'],
];

export const HOST_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.launcher {
  position: fixed; width: 40px; height: 40px; margin: 0; padding: 0;
  border: 1px solid #0b5cad; border-radius: 20px; background: #0e6ac7; color: #fff;
  box-shadow: 0 2px 8px rgba(0,0,0,.28); cursor: grab; touch-action: none;
  display: flex; align-items: center; justify-content: center; z-index: 2147483647;
  font: 600 15px/1 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif;
}
.launcher:hover { background: #0b5cad; }
.launcher:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.launcher.dragging { cursor: grabbing; opacity: .85; }
.launcher svg { width: 22px; height: 22px; pointer-events: none; }
.launcher .dot { position: absolute; top: 3px; right: 3px; width: 9px; height: 9px; border-radius: 50%;
  background: #e5322d; border: 1.5px solid #fff; display: none; }
.launcher.recording .dot { display: block; }
.panel {
  position: fixed; top: 0; right: 0; height: 100vh; height: 100dvh; display: flex;
  color-scheme: light dark; background: light-dark(#fff, #16191d); box-shadow: -2px 0 12px rgba(0,0,0,.22); z-index: 2147483647;
}
/* The theme chosen in the settings, as the sidebar page inside shows it; else the system's. */
.panel[data-theme="light"] { color-scheme: light; }
.panel[data-theme="dark"] { color-scheme: dark; }
.edge { position: relative; width: 8px; flex: none; background: light-dark(#e8ebef, #2a2f36); cursor: ew-resize; touch-action: none; }
.edge:hover, .edge:focus-visible, .edge.dragging { background: light-dark(#c5d6ea, #3b4a5c); }
.edge:focus-visible { outline: 2px solid #0e6ac7; outline-offset: -2px; }
.collapse {
  position: absolute; top: 10px; left: -26px; width: 28px; height: 32px; margin: 0; padding: 0;
  border: 1px solid light-dark(#b9c2cc, #4a525c); border-right: none; border-radius: 6px 0 0 6px;
  background: light-dark(#fff, #23272e); color: light-dark(#1f2933, #e6e9ed);
  font: 600 16px/1 system-ui, sans-serif; cursor: pointer; box-shadow: -2px 1px 4px rgba(0,0,0,.15);
}
.collapse:hover { background: light-dark(#eef3f8, #2f353d); }
.collapse:focus-visible { outline: 3px solid #0e6ac7; outline-offset: 1px; }
iframe { flex: 1; width: 100%; height: 100%; border: 0; display: block; background: transparent; color-scheme: normal; }
.panel.dragging iframe { pointer-events: none; }
[hidden] { display: none !important; }
@media (prefers-reduced-motion: no-preference) {
  .launcher { transition: background-color .15s, box-shadow .15s; }
}
`;

/** The launcher's icon path (24×24): a speech bubble with a check mark (suggest + evidence). */
export const LAUNCHER_ICON_PATH =
  'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm6.2 10.6 6.3-6.3-1.4-1.4-4.9 4.9-2.3-2.3-1.4 1.4z';
