// Locale formatting of dates, amounts and sizes (Intl), in both UI languages.
import { describe, expect, test } from 'vitest';
import { formatAmount, formatBytes, formatCount, formatDate, formatDateTime, formatShortDateTime, formatTime, hostOf, localDay } from '../../../src/lib/format';

const AT = '2026-11-25T11:30:05.000Z';
const tz = { timeZone: 'Asia/Shanghai' };

describe('dates', () => {
  test('date and time in Chinese use 年月日 and a 24-hour clock', () => {
    expect(formatDate(AT, 'zh-CN', tz)).toBe('2026年11月25日');
    expect(formatTime(AT, 'zh-CN', tz)).toBe('19:30:05');
    expect(formatDateTime(AT, 'zh-CN', tz)).toMatch(/^2026年11月25日\s*19:30:05$/);
  });
  test('date and time in English use month names and AM/PM', () => {
    expect(formatDate(AT, 'en', tz)).toBe('Nov 25, 2026');
    expect(formatTime(AT, 'en', tz)).toMatch(/^7:30:05\s?PM$/);
    expect(formatDateTime(AT, 'en', { ...tz, seconds: false })).toMatch(/^Nov 25, 2026, 7:30\s?PM$/);
    expect(formatShortDateTime(AT, 'en', tz)).toMatch(/^Nov 25, 7:30\s?PM$/);
    expect(formatShortDateTime(AT, 'zh-CN', tz)).toBe('11月25日 19:30');
  });
  test('the time zone changes the shown time', () => {
    expect(formatTime(AT, 'zh-CN', { timeZone: 'UTC' })).toBe('11:30:05');
  });
  test('an invalid date is shown as given rather than "Invalid Date"', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
    expect(localDay('nope')).toBeNull();
  });
  test('localDay gives the local calendar day as YYYY-MM-DD', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('amounts', () => {
  test('a number with a currency is shown in the locale’s currency format', () => {
    expect(formatAmount('3200', 'CNY', 'zh-CN')).toBe('¥3,200.00');
    expect(formatAmount('3,200.5', 'CNY', 'en')).toBe('CN¥3,200.50');
    expect(formatAmount('1200', 'USD', 'en')).toBe('$1,200.00');
  });
  test('without a currency it is a grouped number; text that is not a number stays as typed', () => {
    expect(formatAmount('12000', null, 'en')).toBe('12,000');
    expect(formatAmount('about 3k', 'CNY', 'en')).toBe('about 3k');
  });
  test('counts are grouped', () => {
    expect(formatCount(12345, 'zh-CN')).toBe('12,345');
  });
});

describe('sizes and sites', () => {
  test('bytes scale to kB/MB/GB with one decimal below 10', () => {
    expect(formatBytes(0, 'en')).toBe('0 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 * 1024 * 1024, 'en')).toBe('5 GB');
    expect(formatBytes(300 * 1024 * 1024, 'en')).toBe('300 MB');
  });
  test('hostOf gives the host of a URL, or the text when it is not one', () => {
    expect(hostOf('https://cs.alipay.com/chat?x=1')).toBe('cs.alipay.com');
    expect(hostOf('nonsense')).toBe('nonsense');
  });
});
