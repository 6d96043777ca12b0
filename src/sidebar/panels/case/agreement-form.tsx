// What was agreed (deferral / instalments / other, amount, currency, due dates,
// conditions), recorded into the session with session.set-agreement.
import { useEffect, useState } from 'preact/hooks';
import type { Agreement } from '../../../lib/evidence/types';
import type { Profile } from '../../../lib/profile';
import { api } from '../../../ui/api';
import { useI18n } from '../../../ui/i18n-context';
import { FlashLine } from '../../components/flash-line';
import { useFlash } from '../../hooks/use-flash';
import { agreementFromForm, CURRENCIES, formFromAgreement, type AgreementForm as Form } from '../../logic/agreement-form';

const KINDS: Agreement['kind'][] = ['deferral', 'instalments', 'other'];

export function AgreementForm({ sessionId, agreement, profile, onSaved }: { sessionId: string | null; agreement: Agreement | null; profile: Profile; onSaved(): void }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<Form>(() => formFromAgreement(agreement, profile, locale));
  const [dirty, setDirty] = useState(false);
  const [flash, showFlash] = useFlash();

  useEffect(() => {
    if (!dirty) setForm(formFromAgreement(agreement, profile, locale));
  }, [agreement, profile, locale, dirty]);

  const update = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
  };
  const setDate = (i: number, value: string) => update({ dueDates: form.dueDates.map((d, j) => (j === i ? value : d)) });

  const save = async (value: Agreement | null) => {
    if (!sessionId) return;
    try {
      await api('session.set-agreement', { sessionId, agreement: value });
      setDirty(false);
      showFlash(t(value ? 'sidebar_agreement_saved' : 'sidebar_agreement_cleared'));
      onSaved();
    } catch (err) {
      showFlash(t('sidebar_action_failed', (err as Error).message), 'error');
    }
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const result = agreementFromForm(form, new Date());
    if (!result.ok) return showFlash(t(`sidebar_agreement_error_${result.error.replace(/-/g, '_')}`), 'error');
    void save(result.agreement);
  };

  return (
    <form class="stack agreement-form" onSubmit={onSubmit} aria-labelledby="agreement-heading">
      <h2 id="agreement-heading" class="section-title">
        {t('sidebar_agreement_heading')}
      </h2>
      {agreement ? <p class="small muted">{t('sidebar_agreement_recorded_at', new Date(agreement.recordedAt).toLocaleString(locale))}</p> : null}
      <fieldset class="kinds">
        <legend>{t('sidebar_agreement_kind')}</legend>
        <div class="row">
          {KINDS.map((k) => (
            <label key={k} class="check">
              <input type="radio" name="agreement-kind" value={k} checked={form.kind === k} onChange={() => update({ kind: k })} />
              {t(`sidebar_agreement_kind_${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="form-grid">
        <div class="field">
          <label for="agreement-amount">{t('sidebar_agreement_amount')}</label>
          <input id="agreement-amount" type="text" inputMode="decimal" value={form.amount} onInput={(e) => update({ amount: (e.currentTarget as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="agreement-currency">{t('sidebar_agreement_currency')}</label>
          <select id="agreement-currency" value={form.currency} onChange={(e) => update({ currency: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('sidebar_agreement_currency_none')}</option>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset class="due-dates">
        <legend>{t('sidebar_agreement_due_dates')}</legend>
        <ol class="list stack">
          {form.dueDates.map((d, i) => (
            <li key={i} class="row">
              <input type="date" class="grow" aria-label={t('sidebar_agreement_due_date_n', i + 1)} value={d} onInput={(e) => setDate(i, (e.currentTarget as HTMLInputElement).value)} />
              {form.dueDates.length > 1 ? (
                <button type="button" class="btn btn-quiet btn-sm" aria-label={t('sidebar_agreement_remove_date', i + 1)} onClick={() => update({ dueDates: form.dueDates.filter((_, j) => j !== i) })}>
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button type="button" class="btn btn-quiet btn-sm add-date" onClick={() => update({ dueDates: [...form.dueDates, ''] })}>
          {t('sidebar_agreement_add_date')}
        </button>
      </fieldset>
      <div class="field">
        <label for="agreement-conditions">{t('sidebar_agreement_conditions')}</label>
        <textarea id="agreement-conditions" rows={3} value={form.conditions} placeholder={t('sidebar_agreement_conditions_placeholder')} onInput={(e) => update({ conditions: (e.currentTarget as HTMLTextAreaElement).value })} />
      </div>
      <div class="row">
        <button type="submit" class="btn btn-primary btn-sm save-agreement" disabled={!sessionId}>
          {t('sidebar_agreement_save')}
        </button>
        {agreement ? (
          <button type="button" class="btn btn-sm clear-agreement" disabled={!sessionId} onClick={() => void save(null)}>
            {t('sidebar_agreement_clear')}
          </button>
        ) : null}
        {!sessionId ? <span class="small muted">{t('sidebar_needs_session')}</span> : null}
      </div>
      <FlashLine flash={flash} />
    </form>
  );
}
