// Validation of runtime API requests: every request type has a field spec, so a
// malformed request is answered with ok:false and a code instead of a throw.
import type { RequestType } from './messages';

/** A field check returns null when the value is acceptable, else what was expected. */
type Check = (v: unknown) => string | null;

const int: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : 'a non-negative integer');
const str: Check = (v) => (typeof v === 'string' ? null : 'a string');
const nonEmpty: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'a non-empty string');
const obj: Check = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? null : 'an object');
const any: Check = (v) => (v === undefined ? 'a value' : null);
const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v) ? null : `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`;
const limit: Check = (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100 ? null : 'an integer from 1 to 100');
const transcript: Check = (v) =>
  Array.isArray(v) &&
  v.every((t) => t && typeof t === 'object' && ['agent', 'user', 'system'].includes(t.speaker) && typeof t.text === 'string')
    ? null
    : 'an array of { speaker: "agent"|"user"|"system", text: string }';
const agent: Check = (v) =>
  obj(v) === null &&
  ['name', 'employeeId'].every((k) => (v as Record<string, unknown>)[k] === null || typeof (v as Record<string, unknown>)[k] === 'string')
    ? null
    : 'an object { name: string|null, employeeId: string|null }';
const agreement: Check = (v) => {
  if (v === null) return null;
  const a = v as Record<string, unknown>;
  const ok =
    obj(v) === null &&
    ['deferral', 'instalments', 'other'].includes(a.kind as string) &&
    typeof a.amount === 'string' &&
    (a.currency === null || typeof a.currency === 'string') &&
    Array.isArray(a.dueDates) &&
    a.dueDates.every((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) &&
    typeof a.conditions === 'string';
  return ok ? null : 'null or { kind, amount, currency, dueDates: ["YYYY-MM-DD"], conditions }';
};
const phrase: Check = (v) => {
  const p = v as Record<string, unknown>;
  return obj(v) === null && typeof p.text === 'string' && p.text.trim() !== '' && typeof p.stage === 'string' && (p.locale === 'zh-CN' || p.locale === 'en')
    ? null
    : 'a phrase { stage, locale: "zh-CN"|"en", text }';
};

/** Field name → check; a name ending in "?" is optional. */
type Spec = Record<string, Check>;

export const REQUEST_SPECS: Record<RequestType, Spec> = {
  'capture.start': { tabId: int },
  'capture.stop': { tabId: int },
  'capture.status': { tabId: int },
  'session.list': {},
  'session.export': { sessionId: nonEmpty, format: oneOf('json') },
  'session.verify': { data: any },
  'compose.insert': { tabId: int, text: nonEmpty, 'mode?': oneOf('insert', 'replace') },
  'suggest.list': { 'tabId?': int, 'transcript?': transcript, 'locale?': oneOf('zh-CN', 'en'), 'limit?': limit, 'query?': str },
  'capture.pick': { tabId: int },
  'session.get': { sessionId: nonEmpty },
  'session.delete': { sessionId: nonEmpty },
  'session.note': { sessionId: nonEmpty, text: nonEmpty },
  'session.set-agent': { sessionId: nonEmpty, agent },
  'session.set-agreement': { sessionId: nonEmpty, agreement },
  'session.screenshot': { tabId: int },
  'session.attachment': { sessionId: nonEmpty, attachmentId: nonEmpty },
  'profile.get': {},
  'profile.set': { profile: obj },
  'phrases.list': { 'locale?': oneOf('zh-CN', 'en') },
  'phrases.save': { phrase },
  'phrases.delete': { id: nonEmpty },
  'settings.get': {},
  'settings.set': { settings: obj },
  'sidebar.toggle': { tabId: int, 'open?': (v) => (typeof v === 'boolean' ? null : 'a boolean') },
  'tab.current': {},
  'content.status': {},
  'content.pick-saved': { selector: nonEmpty },
  'content.look': {},
};

export type ValidationResult = { ok: true; type: RequestType } | { ok: false; code: 'bad-request' | 'unknown-type'; message: string };

/** Checks a raw message against the spec of its type. */
export function validateRequest(msg: unknown): ValidationResult {
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) return { ok: false, code: 'bad-request', message: 'a request must be an object with a "type"' };
  const type = (msg as Record<string, unknown>).type;
  if (typeof type !== 'string') return { ok: false, code: 'bad-request', message: 'a request must have a string "type"' };
  if (!Object.hasOwn(REQUEST_SPECS, type)) return { ok: false, code: 'unknown-type', message: `unknown request type "${type}"` };
  for (const [rawName, check] of Object.entries(REQUEST_SPECS[type as RequestType])) {
    const optional = rawName.endsWith('?');
    const name = optional ? rawName.slice(0, -1) : rawName;
    const value = (msg as Record<string, unknown>)[name];
    if (value === undefined && optional) continue;
    if (value === undefined && check !== any) return { ok: false, code: 'bad-request', message: `${type}: missing field "${name}"` };
    const expected = check(value);
    if (expected) return { ok: false, code: 'bad-request', message: `${type}: "${name}" must be ${expected}` };
  }
  return { ok: true, type: type as RequestType };
}
