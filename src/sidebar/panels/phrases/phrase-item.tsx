// One phrase in the list: its stage, its text (fill-in fields shown by their names in
// the UI language), and pin / edit / delete.
import { fieldLabel, splitTemplate } from '../../../lib/fill';
import type { Phrase } from '../../../lib/suggest/types';
import { useI18n } from '../../../ui/i18n-context';
import { stageKey } from '../../logic/stage-key';

export function PhraseItem({ phrase, onPin, onEdit, onDelete }: { phrase: Phrase; onPin(): void; onEdit(): void; onDelete(): void }) {
  const { t, locale } = useI18n();
  return (
    <li class="card phrase" data-id={phrase.id} data-origin={phrase.origin}>
      <div class="row phrase-head">
        <span class="badge badge-muted">{t(stageKey(phrase.stage))}</span>
        {phrase.origin === 'user' ? <span class="badge">{t('sidebar_phrase_mine')}</span> : null}
        <span class="spacer" />
        <button type="button" class="btn btn-quiet btn-sm pin" aria-pressed={!!phrase.pinned} onClick={onPin}>
          {phrase.pinned ? t('sidebar_phrase_unpin') : t('sidebar_phrase_pin')}
        </button>
        <button type="button" class="btn btn-quiet btn-sm edit" onClick={onEdit}>
          {t('sidebar_phrase_edit')}
        </button>
        {phrase.origin === 'user' ? (
          <button type="button" class="btn btn-quiet btn-sm delete" onClick={onDelete}>
            {t('sidebar_phrase_delete')}
          </button>
        ) : null}
      </div>
      <p class="phrase-text" lang={phrase.locale}>
        {splitTemplate(phrase.text).map((part, i) =>
          part.kind === 'text' ? (
            <span key={i}>{part.text}</span>
          ) : (
            <span key={i} class="token" lang={locale}>
              {fieldLabel(part.field, locale)}
            </span>
          ),
        )}
      </p>
    </li>
  );
}
