// One phrase in the list: its stage, text, and pin / edit / delete.
import type { Phrase } from '../../../lib/suggest/types';
import { useI18n } from '../../../ui/i18n-context';
import { stageKey } from '../../logic/stage-key';

export function PhraseItem({ phrase, onPin, onEdit, onDelete }: { phrase: Phrase; onPin(): void; onEdit(): void; onDelete(): void }) {
  const { t } = useI18n();
  return (
    <li class="card phrase" data-id={phrase.id} data-origin={phrase.origin}>
      <div class="row small">
        <span class="badge badge-muted">{t(stageKey(phrase.stage))}</span>
        {phrase.origin === 'user' ? <span class="badge">{t('sidebar_phrase_mine')}</span> : null}
        <span class="spacer" />
        <button type="button" class="btn btn-quiet btn-sm pin" aria-pressed={!!phrase.pinned} onClick={onPin}>
          {phrase.pinned ? t('sidebar_phrase_unpin') : t('sidebar_phrase_pin')}
        </button>
      </div>
      <p class="phrase-text" lang={phrase.locale}>{phrase.text}</p>
      <div class="row">
        <button type="button" class="btn btn-sm edit" onClick={onEdit}>
          {t('sidebar_phrase_edit')}
        </button>
        {phrase.origin === 'user' ? (
          <button type="button" class="btn btn-sm btn-quiet delete" onClick={onDelete}>
            {t('sidebar_phrase_delete')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
