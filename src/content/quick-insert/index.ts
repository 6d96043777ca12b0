// Quick insert: a phrase search opened at the caret of the chat input by a
// keyboard shortcut. (Phase 2: installed as a no-op until implemented.)

/** Installs the quick-insert shortcut listener in this frame. */
export function installQuickInsert(): void {
  // Implemented in phase 2.
}
