// The facts of a session or case file: page, times, agent, chain verdict.
import type { AgentIdentity } from '../../lib/evidence/types';
import { formatDateTime } from '../../lib/format';
import { agentLabel } from '../../ui/agent-label';
import { VerifyVerdict, type Verdict } from '../../ui/components/verify-verdict';
import { useI18n } from '../../ui/i18n-context';

interface Props {
  session: { id: string; url: string; title: string; startedAt: string; endedAt: string | null; agent: AgentIdentity | null };
  count: number;
  verdict: Verdict | null | undefined;
  head?: string;
}

export function SessionFacts({ session: s, count, verdict, head }: Props) {
  const { t, locale } = useI18n();
  return (
    <section class="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading" class="card-title">
        {t('viewer_session')}
      </h2>
      <dl class="facts">
        <dt>{t('viewer_chain')}</dt>
        <dd data-testid="chain-verdict">
          <VerifyVerdict result={verdict} count={count} />
        </dd>
        <dt>{t('viewer_session_url')}</dt>
        <dd class="mono">{s.url}</dd>
        <dt>{t('viewer_started')}</dt>
        <dd>{formatDateTime(s.startedAt, locale)}</dd>
        <dt>{t('viewer_ended')}</dt>
        <dd>{s.endedAt ? formatDateTime(s.endedAt, locale) : t('viewer_still_recording')}</dd>
        <dt>{t('common_agent')}</dt>
        <dd>{agentLabel(s.agent, t) ?? <span class="muted">{t('common_agent_unknown')}</span>}</dd>
        {head ? (
          <>
            <dt>{t('viewer_chain_head')}</dt>
            <dd class="mono small">{head}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
