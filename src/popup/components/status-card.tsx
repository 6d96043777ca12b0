// The popup's main card: is this tab being recorded, how many entries, which
// agent, and the start/stop and open-sidebar buttons.
import type { AgentIdentity } from '../../lib/evidence/types';
import { formatCount } from '../../lib/format';
import { RecordingStatus } from '../../ui/components/recording-status';
import { agentLabel } from '../../ui/agent-label';
import { useI18n } from '../../ui/i18n-context';

export interface TabStatus {
  capturing: boolean;
  sessionId: string | null;
  count: number;
  agent: AgentIdentity | null;
  /** The chat likely held older messages the page did not show when recording started. */
  olderMessagesHidden?: boolean;
  /** The chat platform a site adapter recognised (tawk.to, Zendesk…), null when found by structure. */
  platform?: string | null;
}

interface Props {
  status: TabStatus | null;
  agent: AgentIdentity | null;
  recordable: boolean;
  busy: boolean;
  onStart(): void;
  onStop(): void;
  onOpenSidebar(): void;
}

export function StatusCard({ status, agent, recordable, busy, onStart, onStop, onOpenSidebar }: Props) {
  const { t, locale } = useI18n();
  const who = agentLabel(agent, t);
  return (
    <section class="card stack popup-status" aria-labelledby="status-heading" aria-busy={status === null}>
      <h2 id="status-heading" class="visually-hidden">
        {t('popup_status_heading')}
      </h2>
      <div class="row popup-state" aria-live="polite">
        {status ? <RecordingStatus capturing={status.capturing} /> : <span class="muted">{t('common_loading')}</span>}
        <span class="spacer" />
        {status && (status.capturing || status.count > 0) ? (
          <span class="badge badge-muted" data-testid="entry-count">
            {t('popup_entry_count', formatCount(status.count, locale))}
          </span>
        ) : null}
      </div>
      {!recordable ? <p class="small muted">{t('popup_not_recordable')}</p> : null}
      {status?.capturing && status.olderMessagesHidden ? (
        <p class="small notice" role="note" data-testid="older-hidden">
          {t('capture_older_hidden')}
        </p>
      ) : null}
      {status?.capturing && status.platform ? (
        <p class="small muted" data-testid="platform">
          {t('capture_platform', status.platform)}
        </p>
      ) : null}
      {status?.capturing ? (
        <p class="small popup-agent">
          {t('common_agent_is', who ?? t('common_agent_unknown'))}
        </p>
      ) : null}
      <div class="row">
        {status?.capturing ? (
          <button type="button" class="btn btn-danger grow" onClick={onStop} disabled={busy} data-action="stop">
            {t('popup_stop')}
          </button>
        ) : (
          <button type="button" class="btn btn-primary grow" onClick={onStart} disabled={busy || !recordable || !status} data-action="start">
            {t('popup_start')}
          </button>
        )}
        <button type="button" class="btn grow" onClick={onOpenSidebar} disabled={busy || !recordable} data-action="sidebar">
          {t('popup_open_sidebar')}
        </button>
      </div>
    </section>
  );
}
