// All sessions, newest first, filtered by text, site and date. Text search
// loads each session's entries (session.get) once, so it also finds words said
// in the chat, not only titles.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entry } from '../../lib/evidence/types';
import { formatCount, formatDateTime, hostOf } from '../../lib/format';
import { agentLabel } from '../../ui/agent-label';
import { api } from '../../ui/api';
import { ErrorNotice } from '../../ui/components/error-notice';
import { useI18n } from '../../ui/i18n-context';
import { useApi } from '../../ui/use-api';
import { useLive } from '../../ui/use-live';
import { FilterBar } from '../components/filter-bar';
import { StorageUsage } from '../components/storage-usage';
import { EMPTY_FILTER, filterSessions, sitesOf, snippet, type SessionFilter } from '../search';

export function SessionList() {
  const { t, locale } = useI18n();
  const list = useApi('session.list', {});
  const [filter, setFilter] = useState<SessionFilter>(EMPTY_FILTER);
  const [entries, setEntries] = useState<Map<string, Entry[]>>(new Map());
  const [loadingText, setLoadingText] = useState(false);
  const requested = useRef(new Set<string>());
  const sessions = list.data?.sessions ?? [];

  // A session's change (new, ended, deleted) refreshes the list.
  useLive({ type: 'subscribe' }, (ev) => {
    if (ev.type === 'session') {
      requested.current.delete(ev.sessionId);
      void list.reload();
    }
  });

  useEffect(() => {
    if (!filter.text.trim()) return;
    const missing = sessions.filter((s) => !requested.current.has(s.id));
    if (missing.length === 0) return;
    missing.forEach((s) => requested.current.add(s.id));
    setLoadingText(true);
    let live = true;
    void (async () => {
      // A few at a time: enough to be quick, without flooding the service worker.
      const queue = [...missing];
      const worker = async () => {
        for (let s = queue.shift(); s; s = queue.shift()) {
          try {
            const r = await api('session.get', { sessionId: s.id });
            if (live) setEntries((m) => new Map(m).set(s.id, r.entries));
          } catch {
            requested.current.delete(s.id);
          }
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      if (live) setLoadingText(false);
    })();
    return () => {
      live = false;
    };
  }, [filter.text, sessions]);

  const matches = useMemo(() => filterSessions(sessions, filter, (id) => entries.get(id)), [sessions, filter, entries]);
  const sites = useMemo(() => sitesOf(sessions), [sessions]);

  return (
    <section class="stack" aria-labelledby="sessions-heading">
      <div class="row">
        <h1 id="sessions-heading" class="grow">
          {t('viewer_sessions_heading')}
        </h1>
        <StorageUsage refreshKey={sessions.length} />
      </div>
      <FilterBar filter={filter} sites={sites} onChange={setFilter} />
      <ErrorNotice error={list.error} />
      <p class="small muted" aria-live="polite">
        {list.data ? t('viewer_sessions_count', formatCount(matches.length, locale), formatCount(sessions.length, locale)) : t('common_loading')}
        {loadingText && filter.text.trim() ? ` · ${t('viewer_searching')}` : ''}
      </p>
      {list.data && sessions.length === 0 ? <p class="empty">{t('viewer_no_sessions')}</p> : null}
      {list.data && sessions.length > 0 && matches.length === 0 ? <p class="empty">{t('viewer_no_matches')}</p> : null}
      <ul class="list session-list">
        {matches.map(({ session: s, entry }) => (
          <li key={s.id}>
            <a class="card session-card" href={`#session=${encodeURIComponent(s.id)}`} data-session-id={s.id}>
              <span class="row">
                {s.endedAt === null ? <span class="rec-dot" aria-hidden="true" /> : null}
                <strong class="grow session-card-title">{s.title || hostOf(s.url)}</strong>
                {s.endedAt === null ? <span class="badge badge-danger">{t('common_recording')}</span> : null}
                <span class="badge badge-muted">{t('viewer_entries', formatCount(s.count, locale))}</span>
              </span>
              <span class="small muted row">
                <span>{hostOf(s.url)}</span>
                <span aria-hidden="true">·</span>
                <span>{formatDateTime(s.startedAt, locale, { seconds: false })}</span>
                {agentLabel(s.agent, t) ? (
                  <>
                    <span aria-hidden="true">·</span>
                    <span>{t('common_agent_is', agentLabel(s.agent, t)!)}</span>
                  </>
                ) : null}
              </span>
              {entry ? <span class="small session-snippet">{snippet(entry.text, filter.text)}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
