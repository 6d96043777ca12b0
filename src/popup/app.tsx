// The popup: recording state of the current tab (live), start/stop, open the
// sidebar, export the current or latest session, the five latest sessions.
// The shell paints at once; each part fills in when its reply arrives.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LiveEvent } from '../lib/capture/protocol';
import type { AgentIdentity } from '../lib/evidence/types';
import { api } from '../ui/api';
import { ErrorNotice } from '../ui/components/error-notice';
import { LegalNotice } from '../ui/components/legal-notice';
import { downloadJson, exportFileName } from '../ui/download';
import { useI18n } from '../ui/i18n-context';
import { useApi } from '../ui/use-api';
import { useLive } from '../ui/use-live';
import { RecentSessions } from './components/recent-sessions';
import { StatusCard, type TabStatus } from './components/status-card';
import { isRecordableUrl, tabIdOverride } from './tab-target';

interface Target {
  tabId: number | null;
  url: string | null;
  /** True when the tab came from ?tabId= (tests): the popup is then a page, not a popup. */
  overridden: boolean;
}

export function PopupApp() {
  const { t } = useI18n();
  const [target, setTarget] = useState<Target | null>(null);
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sessions = useApi('session.list', {});

  useEffect(() => {
    const forced = tabIdOverride(location.search);
    if (forced !== null) return setTarget({ tabId: forced, url: null, overridden: true });
    api('tab.current', {})
      .then((r) => setTarget({ tabId: r.tabId, url: r.url, overridden: false }))
      .catch((err) => {
        setTarget({ tabId: null, url: null, overridden: false });
        setError(err);
      });
  }, []);

  const tabId = target?.tabId ?? null;
  const recordable = target !== null && tabId !== null && isRecordableUrl(target.url);

  const refreshStatus = useCallback(async () => {
    if (tabId === null) return;
    try {
      const r = await api('capture.status', { tabId });
      setStatus({ capturing: r.capturing, sessionId: r.sessionId, count: r.count, agent: r.agent ?? null, olderMessagesHidden: r.olderMessagesHidden === true, platform: r.platform ?? null });
    } catch (err) {
      setError(err);
    }
  }, [tabId]);

  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);

  useLive(
    tabId === null ? null : { type: 'subscribe', tabId },
    (ev: LiveEvent) => {
      if (ev.type === 'status' && ev.tabId === tabId) {
        setStatus((s) => {
          const same = s?.sessionId === ev.sessionId;
          return { capturing: ev.capturing, sessionId: ev.sessionId, count: ev.count, agent: same ? (s?.agent ?? null) : null, olderMessagesHidden: same && s?.olderMessagesHidden, platform: same ? (s?.platform ?? null) : null };
        });
        void sessions.reload();
      } else if (ev.type === 'entries') {
        setStatus((s) =>
          s && s.sessionId === ev.sessionId ? { ...s, count: Math.max(s.count, ...ev.entries.map((e) => e.seq + 1)) } : s,
        );
      } else if (ev.type === 'session') {
        void refreshStatus();
        void sessions.reload();
      }
    },
    () => void refreshStatus(),
  );

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      await api('capture.start', { tabId: tabId! });
      await refreshStatus();
      await sessions.reload();
    });
  const stop = () =>
    run(async () => {
      await api('capture.stop', { tabId: tabId! });
      await refreshStatus();
      await sessions.reload();
    });
  const openSidebar = () =>
    run(async () => {
      await api('sidebar.toggle', { tabId: tabId!, open: true });
      if (!target?.overridden) window.close();
    });

  // The person points at the chat's message list on the page (in any frame); the popup gets out
  // of the way first. The pick is remembered for the site and capture uses it from then on.
  const pickArea = () =>
    run(async () => {
      const picking = api('capture.pick', { tabId: tabId! });
      if (target?.overridden) await picking;
      else setTimeout(() => window.close(), 50);
    });

  const list = sessions.data?.sessions ?? [];
  const exportId = status?.sessionId ?? list[0]?.id ?? null;
  const exportSession = () =>
    run(async () => {
      if (!exportId) return;
      const r = await api('session.export', { sessionId: exportId, format: 'json' });
      downloadJson(exportFileName(r.data.session, 'json'), r.data);
    });

  const agent: AgentIdentity | null = status?.agent ?? list.find((s) => s.id === status?.sessionId)?.agent ?? null;

  return (
    <main class="popup stack">
      <header class="popup-head row">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1 class="grow">{t('popup_heading')}</h1>
        <a class="btn btn-quiet btn-sm" href="viewer.html#settings" target="_blank" rel="noopener">
          {t('popup_settings')}
        </a>
      </header>

      <StatusCard
        status={status}
        agent={agent}
        recordable={target === null || recordable}
        busy={busy || target === null}
        onStart={start}
        onStop={stop}
        onOpenSidebar={openSidebar}
      />

      {recordable ? (
        <button type="button" class="btn btn-quiet btn-sm" onClick={pickArea} disabled={busy} title={t('popup_pick_area_hint')} data-action="pick">
          {t('popup_pick_area')}
        </button>
      ) : null}

      <ErrorNotice error={error} />

      <section class="stack popup-sessions" aria-labelledby="recent-heading">
        <div class="row">
          <h2 id="recent-heading" class="grow">
            {t('popup_recent')}
          </h2>
          <a class="btn btn-quiet btn-sm" href="viewer.html" target="_blank" rel="noopener">
            {t('popup_open_viewer')}
          </a>
        </div>
        <RecentSessions sessions={sessions.data ? list.slice(0, 5) : null} currentId={status?.sessionId ?? null} />
        <button type="button" class="btn" disabled={!exportId || busy} onClick={exportSession} data-action="export">
          {status?.sessionId ? t('popup_export_current') : t('popup_export_latest')}
        </button>
      </section>

      <LegalNotice compact />
    </main>
  );
}
