// The sidebar's own layout on top of the shared ui.css (colours, buttons, inputs,
// badges come from there): a ~360 px column with a fixed header and tab row and a
// scrolling body. Installed as one <style> so sidebar.html stays a plain shell.
const CSS = `
html, body { height: 100%; }
body { font-size: 13.5px; overflow: hidden; }
.sb { display: flex; flex-direction: column; height: 100vh; min-width: 0; }
.sb-head { display: flex; align-items: center; gap: 8px; padding: 8px 12px 6px; border-bottom: 1px solid var(--border); background: var(--bg); }
.sb-title { font-size: 15px; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sb-rec { display: inline-flex; align-items: center; gap: 6px; color: var(--fg); font-weight: 600; white-space: nowrap; }
.lang-switch { min-width: 44px; }
.sb-tabs { display: flex; border-bottom: 1px solid var(--border); background: var(--surface); }
.sb-tab {
  flex: 1 1 0; min-width: 0; padding: 8px 4px 7px; margin: 0; font: inherit; font-weight: 500; color: var(--muted);
  background: transparent; border: 0; border-bottom: 2px solid transparent; cursor: pointer; white-space: nowrap;
}
.sb-tab:hover { color: var(--fg); background: var(--surface-2); }
.sb-tab[aria-selected="true"] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 650; background: var(--bg); }
.sb-tab:focus-visible { outline-offset: -3px; }
.sb-body { flex: 1 1 auto; min-height: 0; overflow: auto; padding: 10px 12px 14px; }
.sb-panel-transcript:not([hidden]) { height: 100%; }
.section-title { font-size: 14px; margin: 0; }
.case-panel > form + form { border-top: 1px solid var(--border); padding-top: 12px; margin-top: 4px; }
.card { padding: 10px 12px; }
.stack { gap: 10px; }
.flash-slot:empty { display: none; }
.flash { margin: 0; padding: 6px 10px; border-radius: var(--radius-sm); font-size: 12.5px; }
.flash-ok { background: var(--ok-bg); color: var(--ok-fg); }
.flash-warn { background: var(--warn-bg); color: var(--warn-fg); }
.flash-error { background: var(--danger-bg); color: var(--danger-fg); }
input[type="search"], .full { width: 100%; }
.form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 8px 10px; }
.form-grid .span-2 { grid-column: 1 / -1; }
.form-grid input, .form-grid select, .form-grid textarea { width: 100%; min-width: 0; }
.field > label { font-size: 12.5px; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { font-weight: 600; font-size: 12.5px; padding: 0; margin-bottom: 4px; }
.strong { font-weight: 600; }
textarea { min-height: 0; width: 100%; }

/* Suggest */
.stage-line { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; }
.stage-badge { background: transparent; color: var(--accent); border-color: var(--accent); }
.stage-badge.is-top { background: var(--accent); color: var(--on-accent); }
.suggestion-head { gap: 6px; margin-bottom: 4px; }
.suggestion-text { margin: 0 0 8px; line-height: 1.6; overflow-wrap: anywhere; }
.fill {
  display: inline; margin: 0 1px; padding: 0 3px; font: inherit; line-height: inherit; color: inherit; cursor: pointer;
  border: 0; border-bottom: 1.5px dashed var(--accent); border-radius: 3px;
  background: color-mix(in srgb, var(--accent) 12%, transparent);
}
.fill.is-missing { background: var(--warn-bg); color: var(--warn-fg); border-bottom-color: var(--warn-fg); font-weight: 600; }
.fill:hover { background: color-mix(in srgb, var(--accent) 22%, transparent); }
.fill-input { display: inline-block; min-height: 0; padding: 1px 6px; margin: 0 2px; font: inherit; line-height: 1.4; max-width: 100%; vertical-align: baseline; }

/* Transcript */
.transcript-panel { display: flex; flex-direction: column; gap: 8px; height: 100%; }
.transcript-bar { gap: 8px; }
.transcript-scroll { flex: 1 1 auto; min-height: 140px; overflow: auto; border: 1px solid var(--border); border-radius: var(--radius-sm); background: var(--surface); padding: 4px 8px; }
.transcript-scroll .empty { padding: 16px 4px; }
.transcript .entry { padding: 6px 0; border-bottom: 1px solid var(--border); }
.transcript .entry:last-child { border-bottom: 0; }
.transcript .entry-head { gap: 6px; }
.transcript .entry-speaker { font-weight: 650; }
.transcript .speaker-agent .entry-speaker { color: var(--accent); }
.transcript .entry-text { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.transcript .entry-note .entry-text { font-style: italic; }
.transcript .entry-original { margin: 4px 0 0; padding-left: 8px; border-left: 2px solid var(--border); }
.transcript .struck { text-decoration: line-through; }
.transcript .entry-day { text-align: center; margin: 2px 0 4px; }
.note-form { gap: 6px; }

/* Phrases */
.phrase-head { gap: 2px 6px; }
.phrase-head .btn-sm { min-height: 26px; padding: 2px 8px; }
.phrase-text { margin: 4px 0 0; overflow-wrap: anywhere; }
.token { display: inline-block; padding: 0 5px; margin: 0 1px; border-radius: 4px; font-size: 0.92em; line-height: 1.45;
  background: var(--surface-2); color: var(--fg); border: 1px solid var(--border); }
.field-chips { display: flex; flex-wrap: wrap; gap: 4px; }
.chip { font: inherit; font-size: 12px; padding: 1px 7px; border-radius: 999px; border: 1px solid var(--border); background: var(--bg); color: var(--fg); cursor: pointer; }
.chip:hover { background: var(--surface-2); }
.confirm-bar p { margin: 0 0 6px; color: var(--fg); }
`;

let installed = false;

export function installSidebarStyles(doc: Document = document): void {
  if (installed) return;
  installed = true;
  const style = doc.createElement('style');
  style.textContent = CSS;
  doc.head.append(style);
}
