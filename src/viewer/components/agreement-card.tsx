// What was agreed in the chat, as the user recorded it.
import type { Agreement } from '../../lib/evidence/types';
import { formatAmount, formatDateTime } from '../../lib/format';
import { useI18n } from '../../ui/i18n-context';

const KIND_KEY = {
  deferral: 'common_agreement_deferral',
  instalments: 'common_agreement_instalments',
  other: 'common_agreement_other',
} as const;

export function AgreementCard({ agreement }: { agreement: Agreement | null }) {
  const { t, locale } = useI18n();
  return (
    <section class="card stack" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading" class="card-title">
        {t('viewer_agreement')}
      </h2>
      {agreement ? (
        <dl class="facts">
          <dt>{t('viewer_agreement_kind')}</dt>
          <dd>{t(KIND_KEY[agreement.kind] ?? 'common_agreement_other')}</dd>
          <dt>{t('viewer_agreement_amount')}</dt>
          <dd>{formatAmount(agreement.amount, agreement.currency, locale)}</dd>
          <dt>{t('viewer_agreement_due')}</dt>
          <dd>{agreement.dueDates.join(', ') || '—'}</dd>
          <dt>{t('viewer_agreement_conditions')}</dt>
          <dd class="pre">{agreement.conditions || '—'}</dd>
          <dt>{t('viewer_agreement_recorded')}</dt>
          <dd>{formatDateTime(agreement.recordedAt, locale)}</dd>
        </dl>
      ) : (
        <p class="small muted">{t('viewer_agreement_none')}</p>
      )}
    </section>
  );
}
