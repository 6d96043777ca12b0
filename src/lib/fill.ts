// Fills a phrase template's {field} fill-ins from the case profile. Known fields are
// filled as the user typed them (the user chose to say them); unknown ones stay as
// visible, localized placeholders (【姓名】 / [name]) so nothing half-filled is sent
// by accident. UIs use splitTemplate() to show the fill-in spans inline.
import type { Locale } from './messages';
import { PROFILE_FIELDS, type Profile, type ProfileField } from './profile';

export { maskAccount } from './profile';

const LABELS: Record<Locale, Record<ProfileField, string>> = {
  'zh-CN': {
    name: '姓名',
    phone: '手机号',
    account: '账号',
    product: '产品',
    amount: '金额',
    overdueDays: '逾期天数',
    proposedDate: '还款日期',
    monthlyIncome: '月收入',
    reason: '原因',
    instalments: '分期期数',
  },
  en: {
    name: 'name',
    phone: 'phone number',
    account: 'account number',
    product: 'product',
    amount: 'amount',
    overdueDays: 'days overdue',
    proposedDate: 'proposed date',
    monthlyIncome: 'monthly income',
    reason: 'reason',
    instalments: 'number of instalments',
  },
};

/** The field's human label in the locale ("姓名", "name"). */
export function fieldLabel(field: ProfileField, locale: Locale): string {
  return LABELS[locale][field];
}

/** The visible placeholder written for an unknown field: 【姓名】 or [name]. */
export function placeholder(field: ProfileField, locale: Locale): string {
  return locale === 'zh-CN' ? `【${LABELS[locale][field]}】` : `[${LABELS[locale][field]}]`;
}

export function isProfileField(name: string): name is ProfileField {
  return (PROFILE_FIELDS as readonly string[]).includes(name);
}

/** A piece of a template: literal text, or a fill-in field. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'field'; field: ProfileField };

const FIELD_RE = /\{([A-Za-z]+)\}/g;

/** Splits a template into literal text and fill-in fields; unknown {words} stay text. */
export function splitTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(FIELD_RE)) {
    const name = m[1];
    if (!isProfileField(name)) continue;
    if (m.index > last) parts.push({ kind: 'text', text: template.slice(last, m.index) });
    parts.push({ kind: 'field', field: name });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/** The fill-in fields a template uses, each once, in order of first use. */
export function templateFields(template: string): ProfileField[] {
  const seen = new Set<ProfileField>();
  for (const p of splitTemplate(template)) if (p.kind === 'field') seen.add(p.field);
  return [...seen];
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Writes a YYYY-MM-DD date the way a person would in the locale; other text is kept. */
export function formatDate(value: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return value;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return value;
  return locale === 'zh-CN' ? `${y}年${mo}月${d}日` : `${EN_MONTHS[mo - 1]} ${d}, ${y}`;
}

// Units a template writes right after a field ("{amount}元", "{overdueDays} days"): when
// the user typed the unit too ("3000元"), it is dropped from the value so it is not doubled.
const UNITS = ['元', '天', '期', '个月', 'days', 'day', 'instalments', 'installments', 'months'];

function dropDoubledUnit(value: string, following: string): string {
  const next = following.trimStart().toLowerCase();
  for (const unit of UNITS) {
    if (next.startsWith(unit) && value.toLowerCase().endsWith(unit)) return value.slice(0, value.length - unit.length).trimEnd();
  }
  return value;
}

/** Fills a template from the profile; `missing` lists the unknown fields (each once). */
export function fillPhrase(template: string, profile: Profile, locale: Locale): { text: string; missing: ProfileField[] } {
  const parts = splitTemplate(template);
  const missing: ProfileField[] = [];
  let text = '';
  parts.forEach((part, i) => {
    if (part.kind === 'text') {
      text += part.text;
      return;
    }
    const raw = (profile[part.field] ?? '').trim();
    if (!raw) {
      if (!missing.includes(part.field)) missing.push(part.field);
      text += placeholder(part.field, locale);
      return;
    }
    const next = parts[i + 1];
    const value = part.field === 'proposedDate' ? formatDate(raw, locale) : raw;
    text += next && next.kind === 'text' ? dropDoubledUnit(value, next.text) : value;
  });
  return { text, missing };
}
