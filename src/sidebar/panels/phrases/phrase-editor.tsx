// Editing one phrase: its stage and its text, with buttons that insert fill-in fields
// ({amount}, {proposedDate}…) at the caret.
import { useRef, useState } from 'preact/hooks';
import { PROFILE_FIELDS } from '../../../lib/profile';
import { fieldLabel } from '../../../lib/fill';
import { STAGES, type Stage } from '../../../lib/suggest/types';
import { useI18n } from '../../../ui/i18n-context';
import { stageKey } from '../../logic/stage-key';

export interface PhraseDraft {
  stage: Stage;
  text: string;
}

export function PhraseEditor({ idPrefix, initial, onSave, onCancel }: { idPrefix: string; initial: PhraseDraft; onSave(d: PhraseDraft): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const [stage, setStage] = useState<Stage>(initial.stage);
  const [text, setText] = useState(initial.text);
  const area = useRef<HTMLTextAreaElement>(null);

  const insertField = (field: string) => {
    const el = area.current;
    const token = `{${field}}`;
    if (!el) return setText((x) => x + token);
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? text.length;
    const next = text.slice(0, start) + token + text.slice(end);
    setText(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <form
      class="stack phrase-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSave({ stage, text: text.trim() });
      }}
    >
      <div class="field">
        <label for={`${idPrefix}-stage`}>{t('sidebar_phrase_stage')}</label>
        <select id={`${idPrefix}-stage`} value={stage} onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value as Stage)}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {t(stageKey(s))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-text`}>{t('sidebar_phrase_text')}</label>
        <textarea id={`${idPrefix}-text`} ref={area} rows={3} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <div class="field-chips" role="group" aria-label={t('sidebar_phrase_insert_field')}>
        {PROFILE_FIELDS.map((f) => (
          <button key={f} type="button" class="chip" onClick={() => insertField(f)}>
            {`{${fieldLabel(f, locale)}}`}
          </button>
        ))}
      </div>
      <div class="row">
        <button type="submit" class="btn btn-primary btn-sm save-phrase" disabled={!text.trim()}>
          {t('sidebar_save')}
        </button>
        <button type="button" class="btn btn-sm" onClick={onCancel}>
          {t('sidebar_cancel')}
        </button>
      </div>
    </form>
  );
}
