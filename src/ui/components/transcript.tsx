// A session's transcript as evidence: every entry in order with its seq, time,
// speaker and text. Edits and recalls are shown as such, quoting the original
// they refer to; an original that was later changed says so.
import type { Entry, Speaker } from '../../lib/evidence/types';
import { formatTime, formatDate } from '../../lib/format';
import { useI18n } from '../i18n-context';

const SPEAKER_KEY: Record<Speaker, string> = {
  agent: 'common_speaker_agent',
  user: 'common_speaker_user',
  system: 'common_speaker_system',
};

export function Transcript({ entries, highlightSeq = null }: { entries: Entry[]; highlightSeq?: number | null }) {
  const { t, locale } = useI18n();
  if (entries.length === 0) return <p class="empty">{t('common_transcript_empty')}</p>;
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const laterChanges = new Map<number, Entry[]>();
  for (const e of entries) if (e.ref !== null) laterChanges.set(e.ref, [...(laterChanges.get(e.ref) ?? []), e]);
  let lastDay = '';

  return (
    <ol class="transcript list">
      {entries.map((e) => {
        const day = formatDate(e.at, locale);
        const showDay = day !== lastDay;
        lastDay = day;
        const original = e.ref !== null ? bySeq.get(e.ref) : undefined;
        const changes = laterChanges.get(e.seq) ?? [];
        return (
          <li
            key={e.seq}
            id={`entry-${e.seq}`}
            class={`entry entry-${e.kind} speaker-${e.speaker}${highlightSeq === e.seq ? ' is-bad' : ''}`}
            data-seq={e.seq}
          >
            {showDay ? <div class="entry-day small muted">{day}</div> : null}
            <div class="entry-head row small">
              <span class="entry-speaker">{t(SPEAKER_KEY[e.speaker])}</span>
              {e.author ? <span class="entry-author">{e.author}</span> : null}
              <time class="muted" dateTime={e.at}>
                {formatTime(e.at, locale)}
              </time>
              <span class="spacer" />
              {e.kind === 'edit' ? <span class="badge badge-warn">{t('common_kind_edit', e.ref ?? '')}</span> : null}
              {e.kind === 'remove' ? <span class="badge badge-danger">{t('common_kind_remove', e.ref ?? '')}</span> : null}
              {e.kind === 'note' ? <span class="badge badge-muted">{t('common_kind_note')}</span> : null}
              {changes.length > 0 ? <span class="badge badge-muted">{t('common_changed_later', changes.map((c) => c.seq).join(', '))}</span> : null}
              <span class="entry-seq muted mono">{t('common_seq', e.seq)}</span>
            </div>
            {e.kind === 'remove' ? (
              <p class="entry-text muted">{t('common_removed_text')}</p>
            ) : (
              <p class="entry-text">{e.text}</p>
            )}
            {e.kind === 'edit' || e.kind === 'remove' ? (
              <blockquote class="entry-original small">
                <span class="muted">{t('common_original', e.ref ?? '')}</span>{' '}
                {original ? <span class={e.kind === 'remove' ? 'struck' : ''}>{original.text}</span> : <em>{t('common_original_missing')}</em>}
              </blockquote>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
