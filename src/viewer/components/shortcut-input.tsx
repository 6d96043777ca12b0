// Records a key combination ("Alt+Q") by pressing it, for the quick-insert shortcut.
import { useI18n } from '../../ui/i18n-context';

/** The combination a keydown describes, or null while only modifiers are held (Tab/Escape are left alone). */
export function comboOf(e: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): string | null {
  if (['Alt', 'Control', 'Meta', 'Shift', 'Tab', 'Escape'].includes(e.key)) return null;
  const mods = [e.ctrlKey && 'Ctrl', e.altKey && 'Alt', e.shiftKey && 'Shift', e.metaKey && 'Meta'].filter(Boolean) as string[];
  // A shortcut needs a modifier, or it would fire while typing in the chat box.
  if (mods.length === 0 || (mods.length === 1 && mods[0] === 'Shift')) return null;
  // e.code keeps letters as typed on a US layout even with Alt held (macOS turns Alt+Q into "œ").
  const key = /^Key[A-Z]$/.test(e.code) ? e.code.slice(3) : /^Digit\d$/.test(e.code) ? e.code.slice(5) : e.key.length === 1 ? e.key.toUpperCase() : e.key;
  return [...mods, key].join('+');
}

export function ShortcutInput({ id, value, onChange }: { id: string; value: string; onChange(v: string): void }) {
  const { t } = useI18n();
  return (
    <input
      id={id}
      class="shortcut-input mono"
      value={value}
      readOnly
      aria-describedby={`${id}-help`}
      onKeyDown={(e) => {
        const combo = comboOf(e);
        if (combo) {
          e.preventDefault();
          onChange(combo);
        }
      }}
      title={t('settings_shortcut_help')}
    />
  );
}
