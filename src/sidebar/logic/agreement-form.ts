// The agreement form's state and its conversion to and from the session's Agreement
// (docs/evidence-format.md): dates must be real YYYY-MM-DD days, empty rows are dropped.
import type { Agreement } from '../../lib/evidence/types';
import type { Locale } from '../../lib/messages';
import type { Profile } from '../../lib/profile';

export interface AgreementForm {
  kind: Agreement['kind'];
  amount: string;
  /** ISO 4217 code, or '' for none. */
  currency: string;
  dueDates: string[];
  conditions: string;
}

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD'] as const;

/** Why a form cannot be saved (a locale key suffix). */
export type AgreementError = 'amount' | 'due-date-invalid' | 'due-date-missing';

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The form for a recorded agreement, or a fresh one prefilled from the case profile. */
export function formFromAgreement(agreement: Agreement | null, profile: Profile, locale: Locale): AgreementForm {
  if (agreement) {
    return {
      kind: agreement.kind,
      amount: agreement.amount,
      currency: agreement.currency ?? '',
      dueDates: agreement.dueDates.length ? [...agreement.dueDates] : [''],
      conditions: agreement.conditions,
    };
  }
  const proposed = profile.proposedDate.trim();
  return {
    kind: 'deferral',
    amount: profile.amount.trim(),
    currency: locale === 'zh-CN' ? 'CNY' : '',
    dueDates: [isIsoDate(proposed) ? proposed : ''],
    conditions: '',
  };
}

export function agreementFromForm(form: AgreementForm, now: Date): { ok: true; agreement: Agreement } | { ok: false; error: AgreementError } {
  const dueDates = form.dueDates.map((d) => d.trim()).filter((d) => d !== '');
  if (dueDates.some((d) => !isIsoDate(d))) return { ok: false, error: 'due-date-invalid' };
  if (form.kind !== 'other' && dueDates.length === 0) return { ok: false, error: 'due-date-missing' };
  if (form.kind !== 'other' && form.amount.trim() === '') return { ok: false, error: 'amount' };
  return {
    ok: true,
    agreement: {
      kind: form.kind,
      amount: form.amount.trim(),
      currency: form.currency.trim().toUpperCase() || null,
      dueDates: [...new Set(dueDates)].sort(),
      conditions: form.conditions.trim(),
      recordedAt: now.toISOString(),
    },
  };
}
