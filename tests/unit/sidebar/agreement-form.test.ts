import { expect, test } from 'vitest';
import { emptyProfile } from '../../../src/lib/profile';
import { agreementFromForm, formFromAgreement, isIsoDate } from '../../../src/sidebar/logic/agreement-form';

const now = new Date('2026-11-25T12:00:00.000Z');

test('isIsoDate accepts real days only', () => {
  expect(isIsoDate('2026-02-28')).toBe(true);
  expect(isIsoDate('2026-02-30')).toBe(false);
  expect(isIsoDate('2026-2-3')).toBe(false);
});

test('a fresh form is prefilled from the profile', () => {
  const f = formFromAgreement(null, { ...emptyProfile(), amount: '3000', proposedDate: '2026-12-15' }, 'zh-CN');
  expect(f).toMatchObject({ kind: 'deferral', amount: '3000', currency: 'CNY', dueDates: ['2026-12-15'] });
  expect(formFromAgreement(null, { ...emptyProfile(), proposedDate: 'next month' }, 'en')).toMatchObject({ currency: '', dueDates: [''] });
});

test('saving drops empty date rows, sorts and dedupes dates, stamps the time', () => {
  const r = agreementFromForm({ kind: 'instalments', amount: ' 1200 ', currency: 'cny', dueDates: ['2027-01-15', '', '2026-12-15', '2027-01-15'], conditions: ' no fees ' }, now);
  expect(r).toEqual({
    ok: true,
    agreement: { kind: 'instalments', amount: '1200', currency: 'CNY', dueDates: ['2026-12-15', '2027-01-15'], conditions: 'no fees', recordedAt: now.toISOString() },
  });
});

test('saving refuses a bad date, a missing date or amount (except for "other")', () => {
  const base = { kind: 'deferral' as const, amount: '100', currency: '', dueDates: ['2026-12-01'], conditions: '' };
  expect(agreementFromForm({ ...base, dueDates: ['2026-13-01'] }, now)).toEqual({ ok: false, error: 'due-date-invalid' });
  expect(agreementFromForm({ ...base, dueDates: [''] }, now)).toEqual({ ok: false, error: 'due-date-missing' });
  expect(agreementFromForm({ ...base, amount: ' ' }, now)).toEqual({ ok: false, error: 'amount' });
  const other = agreementFromForm({ ...base, kind: 'other', amount: '', dueDates: [''], conditions: 'call back' }, now);
  expect(other.ok && other.agreement.currency).toBe(null);
});
