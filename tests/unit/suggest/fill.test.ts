import { describe, expect, it } from 'vitest';
import { fieldLabel, fillPhrase, formatDate, maskAccount, placeholder, splitTemplate, templateFields } from '../../../src/lib/fill';
import { emptyProfile, PROFILE_FIELDS } from '../../../src/lib/profile';

const profile = { ...emptyProfile(), name: '张伟', amount: '3200', account: '6222 0000 1234 5678', proposedDate: '2025-07-15' };

describe('fillPhrase', () => {
  it('fills known fields and leaves Chinese placeholders for unknown ones', () => {
    const r = fillPhrase('我是{name}，欠款{amount}元，手机号{phone}，逾期{overdueDays}天。', profile, 'zh-CN');
    expect(r.text).toBe('我是张伟，欠款3200元，手机号【手机号】，逾期【逾期天数】天。');
    expect(r.missing).toEqual(['phone', 'overdueDays']);
  });

  it('leaves bracketed English placeholders and lists each missing field once', () => {
    const r = fillPhrase('I am {name}; call {phone} or {phone}. Reason: {reason}.', { ...emptyProfile(), name: 'Ann Lee' }, 'en');
    expect(r.text).toBe('I am Ann Lee; call [phone number] or [phone number]. Reason: [reason].');
    expect(r.missing).toEqual(['phone', 'reason']);
  });

  it('fills the account as given (masking is for display only)', () => {
    expect(fillPhrase('账户{account}', profile, 'zh-CN').text).toBe('账户6222 0000 1234 5678');
    expect(maskAccount(profile.account)).toBe('••••••••5678');
  });

  it('writes a YYYY-MM-DD date the way each locale reads it', () => {
    expect(fillPhrase('推迟到{proposedDate}', profile, 'zh-CN').text).toBe('推迟到2025年7月15日');
    expect(fillPhrase('move it to {proposedDate}.', profile, 'en').text).toBe('move it to July 15, 2025.');
    expect(formatDate('next Friday', 'en')).toBe('next Friday');
  });

  it('does not double a unit the user typed with the value', () => {
    const p = { ...emptyProfile(), amount: '3000元', overdueDays: '12 days' };
    expect(fillPhrase('欠款{amount}元', p, 'zh-CN').text).toBe('欠款3000元');
    expect(fillPhrase('{overdueDays} days late', p, 'en').text).toBe('12 days late');
  });

  it('treats blank values as unknown and keeps unknown {words} as text', () => {
    const r = fillPhrase('{name} {notAField}', { ...emptyProfile(), name: '   ' }, 'en');
    expect(r.text).toBe('[name] {notAField}');
    expect(r.missing).toEqual(['name']);
  });
});

describe('labels and template parts', () => {
  it('has a label for every field in both locales', () => {
    for (const f of PROFILE_FIELDS) {
      expect(fieldLabel(f, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(fieldLabel(f, 'en')).toMatch(/^[a-z ]+$/);
    }
    expect(placeholder('name', 'zh-CN')).toBe('【姓名】');
    expect(placeholder('instalments', 'en')).toBe('[number of instalments]');
  });

  it('splits a template into text and field spans', () => {
    expect(splitTemplate('Hi {name}, pay {amount} by {proposedDate}')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'field', field: 'name' },
      { kind: 'text', text: ', pay ' },
      { kind: 'field', field: 'amount' },
      { kind: 'text', text: ' by ' },
      { kind: 'field', field: 'proposedDate' },
    ]);
    expect(templateFields('{amount}{name}{amount}')).toEqual(['amount', 'name']);
  });
});
