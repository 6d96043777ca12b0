// The five latest sessions, each a link that opens the viewer at that session.
import type { SessionSummary } from '../../lib/messages';
import { formatCount, formatShortDateTime, hostOf } from '../../lib/format';
import { useI18n } from '../../ui/i18n-context';

export function RecentSessions({ sessions, currentId }: { sessions: SessionSummary[] | null; currentId: string | null }) {
  const { t, locale } = useI18n();
  if (sessions === null) return <p class="small muted">{t('common_loading')}</p>;
  if (sessions.length === 0) return <p class="small muted">{t('popup_no_sessions')}</p>;
  return (
    <ul class="list recent-sessions">
      {sessions.map((s) => (
        <li key={s.id}>
          <a class="recent-session" href={`viewer.html#session=${encodeURIComponent(s.id)}`} target="_blank" rel="noopener">
            <span class="recent-title">
              {s.endedAt === null ? <span class="rec-dot" aria-hidden="true" /> : null}
              <span class="grow">{s.title || hostOf(s.url)}</span>
              {s.id === currentId ? <span class="badge badge-muted">{t('popup_this_tab')}</span> : null}
            </span>
            <span class="small muted">
              {t('popup_session_meta', hostOf(s.url), formatShortDateTime(s.startedAt, locale), formatCount(s.count, locale))}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
