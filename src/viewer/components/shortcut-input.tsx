// Records a key combination ("Alt+Q") by pressing it, for the quick-insert shortcut.
import { comboOfEvent } from '../../lib/shortcut';
import { useI18n } from '../../ui/i18n-context';

/** The combination a keydown describes, or null while only modifiers are held (Tab/Escape are left alone). */
export function comboOf(e: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): string | null {
  if (e.key === 'Tab' || e.key === 'Escape') return null;
  // A shortcut needs a modifier other than Shift, or it would fire while typing in the chat box.
  if (!e.ctrlKey && !e.altKey && !e.metaKey) return null;
  return comboOfEvent(e);
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
