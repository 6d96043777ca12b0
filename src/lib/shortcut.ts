// Key combinations of the quick-insert shortcut ("Alt+Q", "Ctrl+Shift+K"…): the settings
// page records them from key events, and the content script matches key events against them.

type KeyFacts = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

const MODIFIER_NAMES: Record<string, string> = { ctrl: 'Ctrl', control: 'Ctrl', alt: 'Alt', option: 'Alt', shift: 'Shift', meta: 'Meta', cmd: 'Meta', command: 'Meta' };
const ORDER = ['Ctrl', 'Alt', 'Shift', 'Meta'];

/** A shortcut string in canonical form (modifiers in a fixed order, key upper-cased), or null when it is unusable. */
export function normalizeShortcut(shortcut: string): string | null {
  const parts = shortcut.split('+').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const mods = new Set<string>();
  let key: string | null = null;
  for (const p of parts) {
    const mod = MODIFIER_NAMES[p.toLowerCase()];
    if (mod) mods.add(mod);
    else if (key === null) key = p.length === 1 ? p.toUpperCase() : p;
    else return null;
  }
  if (!key || mods.size === 0 || (mods.size === 1 && mods.has('Shift'))) return null;
  return [...ORDER.filter((m) => mods.has(m)), key].join('+');
}

/** The canonical combination a keydown describes (null while only modifiers are held). */
export function comboOfEvent(e: KeyFacts): string | null {
  if (['Alt', 'Control', 'Meta', 'Shift'].includes(e.key)) return null;
  const mods = [e.ctrlKey && 'Ctrl', e.altKey && 'Alt', e.shiftKey && 'Shift', e.metaKey && 'Meta'].filter(Boolean) as string[];
  // e.code keeps letters as on a US layout even with Alt held (macOS turns Alt+Q into "œ").
  const key = /^Key[A-Z]$/.test(e.code) ? e.code.slice(3) : /^Digit\d$/.test(e.code) ? e.code.slice(5) : e.key.length === 1 ? e.key.toUpperCase() : e.key;
  return [...mods, key].join('+');
}

/** Whether the keydown is the shortcut. */
export function matchesShortcut(e: KeyFacts, shortcut: string): boolean {
  const wanted = normalizeShortcut(shortcut);
  return wanted !== null && comboOfEvent(e) === wanted;
}
