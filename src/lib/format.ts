// Locale-aware formatting of dates, times, amounts and sizes with Intl, for the
// pages (popup, sidebar, viewer) and the printable report. Pure functions.
import type { Locale } from './messages';

/** Returns null for a value that is not a valid date, so callers can show it raw. */
function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Options shared by the date formatters: a time zone, mostly for deterministic tests. */
export interface ZoneOption {
  timeZone?: string;
}

/** "2026年11月25日 19:30:05" / "Nov 25, 2026, 7:30:05 PM". */
export function formatDateTime(value: string | number | Date, locale: Locale, opts: ZoneOption & { seconds?: boolean } = {}): string {
  const d = toDate(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: opts.seconds === false ? undefined : '2-digit',
    timeZone: opts.timeZone,
  }).format(d);
}

/** "2026年11月25日" / "Nov 25, 2026". */
export function formatDate(value: string | number | Date, locale: Locale, opts: ZoneOption = {}): string {
  const d = toDate(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: opts.timeZone }).format(d);
}

/** "19:30:05" / "7:30:05 PM": the time of a transcript line. */
export function formatTime(value: string | number | Date, locale: Locale, opts: ZoneOption = {}): string {
  const d = toDate(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZone: opts.timeZone }).format(d);
}

/** "11月25日 19:30" / "Nov 25, 7:30 PM": compact, for lists (the year is in the details). */
export function formatShortDateTime(value: string | number | Date, locale: Locale, opts: ZoneOption = {}): string {
  const d = toDate(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: opts.timeZone }).format(d);
}

/** The local calendar day of a time, as YYYY-MM-DD (what <input type="date"> holds). */
export function localDay(value: string | number | Date): string | null {
  const d = toDate(value);
  if (!d) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Formats an amount the user typed ("3200", "3,200.50") with its currency when
 * known: "¥3,200.00" / "CN¥3,200.00". Text that is not a number is returned as typed.
 */
export function formatAmount(amount: string, currency: string | null, locale: Locale): string {
  const cleaned = amount.replace(/[,\s，]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return amount;
  const n = Number(cleaned);
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
    } catch {
      // An unknown ISO code: fall through to a plain number with the code.
    }
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} ${currency}`;
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
}

/** "1.5 MB" / "1.5 MB" in the locale's digits: storage use and file sizes. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: value < 10 && i > 0 ? 1 : 0 }).format(value);
}

/** A whole number in the locale's grouping: "1,234". */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** The site of a session's URL ("cs.alipay.com"), or the text as is when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
