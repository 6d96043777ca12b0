// How a suggestion is shown: literal text with its fill-in fields as separate parts, so
// the sidebar can make each field clickable (and fill it from the profile right there).
import type { Locale, Suggestion } from '../../lib/messages';
import { maskAccount, PROFILE_FIELDS, type Profile, type ProfileField } from '../../lib/profile';
import { fillPhrase, placeholder, splitTemplate } from '../../lib/fill';

/** A field's `value` is what is shown ('' when missing); the account number is shown masked, inserted in full. */
export type SuggestionPart = { kind: 'text'; text: string } | { kind: 'field'; field: ProfileField; value: string };

/** The value fillPhrase writes for a field, given the literal text after it (units are not doubled). */
function filledValue(field: ProfileField, following: string, profile: Profile, locale: Locale): string {
  if (!(profile[field] ?? '').trim()) return '';
  return fillPhrase(`{${field}}${following}`, profile, locale).text.slice(0, -following.length || undefined);
}

/** Finds 【姓名】 / [name] placeholders in already-filled text (a suggestion without its template). */
function partsFromText(text: string, locale: Locale): SuggestionPart[] {
  const byPlaceholder = new Map(PROFILE_FIELDS.map((f) => [placeholder(f, locale), f] as const));
  const escaped = [...byPlaceholder.keys()].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts: SuggestionPart[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(escaped.join('|'), 'g'))) {
    if (m.index > last) parts.push({ kind: 'text', text: text.slice(last, m.index) });
    parts.push({ kind: 'field', field: byPlaceholder.get(m[0])!, value: '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

export function suggestionParts(s: Suggestion, profile: Profile, locale: Locale): SuggestionPart[] {
  if (!s.template) return partsFromText(s.text, locale);
  const parts = splitTemplate(s.template);
  return parts.map((p, i) => {
    if (p.kind === 'text') return p;
    const next = parts[i + 1];
    const value = filledValue(p.field, next?.kind === 'text' ? next.text : '', profile, locale);
    return { kind: 'field', field: p.field, value: p.field === 'account' && value ? maskAccount(value) : value };
  });
}

/** The text to insert: filled from the current profile (which may be newer than the reply). */
export function suggestionText(s: Suggestion, profile: Profile, locale: Locale): { text: string; missing: ProfileField[] } {
  if (s.template) return fillPhrase(s.template, profile, locale);
  const missing = [...new Set(partsFromText(s.text, locale).flatMap((p) => (p.kind === 'field' ? [p.field] : [])))];
  return { text: s.text, missing };
}
