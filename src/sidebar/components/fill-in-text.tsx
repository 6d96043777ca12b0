// A suggestion's text with its fill-in fields as small buttons: a missing field shows
// its placeholder (【金额】 / [amount]); clicking any field opens an inline input that
// saves the value into the case profile.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProfileField } from '../../lib/profile';
import { fieldLabel, placeholder } from '../../lib/fill';
import { useI18n } from '../../ui/i18n-context';
import type { SuggestionPart } from '../logic/suggestion-parts';

export interface FillInTextProps {
  parts: SuggestionPart[];
  /** Current raw profile values (the input starts from them). */
  values: Record<ProfileField, string>;
  onFill(field: ProfileField, value: string): Promise<void>;
}

const NUMERIC = new Set<ProfileField>(['amount', 'overdueDays', 'instalments', 'monthlyIncome']);

function FieldInput({ field, initial, onDone }: { field: ProfileField; initial: string; onDone(value: string | null): void }) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLInputElement>(null);
  // Enter, then the blur of the input going away, must not save twice.
  const finished = useRef(false);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value);
  };
  useEffect(() => {
    // Uncontrolled on purpose: live updates re-render the panel while the user types.
    if (ref.current) ref.current.value = initial;
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const label = fieldLabel(field, locale);
  const common = {
    ref,
    class: 'fill-input',
    'aria-label': t('sidebar_fill_input', label),
    placeholder: label,
    size: Math.max(6, Math.min(24, initial.length + 2, label.length + 4)),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        finish((e.currentTarget as HTMLInputElement).value);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        finish(null);
      }
    },
    onBlur: (e: FocusEvent) => finish((e.currentTarget as HTMLInputElement).value),
  };
  if (field === 'proposedDate') return <input type="date" {...common} />;
  return <input type="text" inputMode={field === 'phone' ? 'tel' : NUMERIC.has(field) ? 'decimal' : undefined} {...common} />;
}

export function FillInText({ parts, values, onFill }: FillInTextProps) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <>
      {parts.map((p, i) => {
        if (p.kind === 'text') return <span key={i}>{p.text}</span>;
        const label = fieldLabel(p.field, locale);
        if (editing === i) {
          return (
            <FieldInput
              key={i}
              field={p.field}
              initial={values[p.field] ?? ''}
              onDone={(value) => {
                setEditing(null);
                if (value !== null && value.trim() !== (values[p.field] ?? '').trim()) void onFill(p.field, value);
              }}
            />
          );
        }
        return (
          <button
            key={i}
            type="button"
            class={`fill ${p.value ? 'is-filled' : 'is-missing'}`}
            data-field={p.field}
            aria-label={p.value ? t('sidebar_fill_edit', label, p.value) : t('sidebar_fill_missing', label)}
            onClick={() => setEditing(i)}
          >
            {p.value || placeholder(p.field, locale)}
          </button>
        );
      })}
    </>
  );
}
