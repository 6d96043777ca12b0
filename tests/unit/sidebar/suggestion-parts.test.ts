import { expect, test } from 'vitest';
import { emptyProfile } from '../../../src/lib/profile';
import { suggestionParts, suggestionText } from '../../../src/sidebar/logic/suggestion-parts';

const profile = { ...emptyProfile(), amount: '3000元', name: '张三' };

test('a template splits into text and fields, filled ones carrying their value', () => {
  const parts = suggestionParts({ id: 'a', stage: 'open', text: '', template: '我是{name}，欠款{amount}元，{proposedDate}前还清。' }, profile, 'zh-CN');
  expect(parts).toEqual([
    { kind: 'text', text: '我是' },
    { kind: 'field', field: 'name', value: '张三' },
    { kind: 'text', text: '，欠款' },
    // The unit typed in the profile is not doubled by the template's own "元".
    { kind: 'field', field: 'amount', value: '3000' },
    { kind: 'text', text: '元，' },
    { kind: 'field', field: 'proposedDate', value: '' },
    { kind: 'text', text: '前还清。' },
  ]);
});

test('the text to insert is filled from the current profile, missing fields listed', () => {
  const s = { id: 'a', stage: 'open', text: 'stale', template: '我是{name}，{proposedDate}前还清。' };
  expect(suggestionText(s, profile, 'zh-CN')).toEqual({ text: '我是张三，【还款日期】前还清。', missing: ['proposedDate'] });
  expect(suggestionText(s, { ...profile, proposedDate: '2026-12-01' }, 'zh-CN').text).toBe('我是张三，2026年12月1日前还清。');
});

test('without a template, visible placeholders become clickable fields', () => {
  const s = { id: 'b', stage: 'open', text: 'I can pay [amount] by [proposed date].' };
  const parts = suggestionParts(s, profile, 'en');
  expect(parts.filter((p) => p.kind === 'field').map((p) => p.kind === 'field' && p.field)).toEqual(['amount', 'proposedDate']);
  expect(suggestionText(s, profile, 'en')).toEqual({ text: s.text, missing: ['amount', 'proposedDate'] });
});

test('the account number is shown masked but inserted in full', () => {
  const s = { id: 'c', stage: 'identify', text: '', template: 'Account {account}.' };
  const p = { ...profile, account: '6222 0202 0011 2233' };
  expect(suggestionParts(s, p, 'en')[1]).toEqual({ kind: 'field', field: 'account', value: '••••••••2233' });
  expect(suggestionText(s, p, 'en').text).toBe('Account 6222 0202 0011 2233.');
});
