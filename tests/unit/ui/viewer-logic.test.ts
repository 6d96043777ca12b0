// The viewer's small pure parts: routes, session search, import triage, settings inputs.
import { describe, expect, test } from 'vitest';
import type { Entry } from '../../../src/lib/evidence/types';
import type { SessionSummary } from '../../../src/lib/messages';
import { comboOf } from '../../../src/viewer/components/shortcut-input';
import { normaliseSite } from '../../../src/viewer/components/site-list-editor';
import { caseFileTextOf, classifyImport } from '../../../src/viewer/import-file';
import { parseRoute, routeHash } from '../../../src/viewer/route';
import { EMPTY_FILTER, filterSessions, sitesOf, snippet } from '../../../src/viewer/search';
import { mergeEntries } from '../../../src/viewer/merge-entries';

describe('routes', () => {
  test('deep links parse and round-trip', () => {
    expect(parseRoute('#settings')).toEqual({ page: 'settings' });
    expect(parseRoute('#import')).toEqual({ page: 'import' });
    expect(parseRoute('#session=abc%2F1')).toEqual({ page: 'session', sessionId: 'abc/1' });
    expect(parseRoute('')).toEqual({ page: 'list' });
    expect(parseRoute('#session=%E0%A4%A')).toEqual({ page: 'list' });
    expect(routeHash({ page: 'session', sessionId: 'a b' })).toBe('#session=a%20b');
  });
});

const s = (id: string, url: string, startedAt: string, title = ''): SessionSummary => ({ id, url, title, startedAt, endedAt: null, count: 1 });
const entry = (text: string, seq = 0): Entry => ({ seq, at: '', kind: 'message', speaker: 'agent', author: null, text, ref: null, prev: '', hash: '' });

describe('session search', () => {
  const sessions = [
    s('a', 'https://cs.alipay.com/chat', '2026-11-25T04:00:00Z', '支付宝客服'),
    s('b', 'https://chat.klarna.com/x', '2026-11-20T04:00:00Z', 'Klarna help'),
    s('c', 'https://cs.alipay.com/chat', '2026-10-01T04:00:00Z', 'Old chat'),
  ];
  test('no filter keeps everything in order', () => {
    expect(filterSessions(sessions, EMPTY_FILTER).map((m) => m.session.id)).toEqual(['a', 'b', 'c']);
  });
  test('by site and by date range (inclusive days)', () => {
    expect(filterSessions(sessions, { ...EMPTY_FILTER, site: 'cs.alipay.com' }).map((m) => m.session.id)).toEqual(['a', 'c']);
    expect(filterSessions(sessions, { ...EMPTY_FILTER, from: '2026-11-20', to: '2026-11-25' }).map((m) => m.session.id)).toEqual(['a', 'b']);
    expect(sitesOf(sessions)).toEqual(['chat.klarna.com', 'cs.alipay.com']);
  });
  test('text matches titles at once and transcript words once loaded, every word required', () => {
    const loaded = new Map([['c', [entry('我想申请延期还款', 0), entry('penalty interest applies', 1)]]]);
    expect(filterSessions(sessions, { ...EMPTY_FILTER, text: 'klarna' }).map((m) => m.session.id)).toEqual(['b']);
    expect(filterSessions(sessions, { ...EMPTY_FILTER, text: '延期' }).map((m) => m.session.id)).toEqual([]);
    const hit = filterSessions(sessions, { ...EMPTY_FILTER, text: 'Penalty  INTEREST' }, (id) => loaded.get(id));
    expect(hit.map((m) => m.session.id)).toEqual(['c']);
    expect(hit[0].entry?.seq).toBe(1);
    expect(filterSessions(sessions, { ...EMPTY_FILTER, text: '延期 nothing' }, (id) => loaded.get(id))).toEqual([]);
  });
  test('snippet shows the words around the match', () => {
    expect(snippet('a'.repeat(100) + 'needle' + 'b'.repeat(100), 'NEEDLE', 5)).toBe('…aaaaaneedl…');
    expect(snippet('short', 'zzz')).toBe('short');
  });
});

describe('import triage', () => {
  test('non-JSON, JSON of another kind, and a case file are told apart', () => {
    expect(classifyImport('hello')).toEqual({ kind: 'not-json' });
    expect(classifyImport('[1,2]')).toEqual({ kind: 'not-case-file' });
    expect(classifyImport('{"format":"other"}')).toEqual({ kind: 'not-case-file' });
    expect(classifyImport('\uFEFF{"format":"chat-evidence","version":1}')).toEqual({ kind: 'case-file', data: { format: 'chat-evidence', version: 1 } });
  });
  test('a report.html yields its embedded case file', () => {
    expect(caseFileTextOf('<p>x</p><script type="application/json" id="case-file">{"a":1}</script>')).toBe('{"a":1}');
    expect(caseFileTextOf('{"b":2}')).toBe('{"b":2}');
  });
});

describe('settings inputs', () => {
  const key = (k: string, code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    code,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });
  test('a shortcut needs a modifier and uses the physical letter', () => {
    expect(comboOf(key('œ', 'KeyQ', { altKey: true }))).toBe('Alt+Q');
    expect(comboOf(key('K', 'KeyK', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+K');
    expect(comboOf(key('q', 'KeyQ'))).toBeNull();
    expect(comboOf(key('Q', 'KeyQ', { shiftKey: true }))).toBeNull();
    expect(comboOf(key('Alt', 'AltLeft', { altKey: true }))).toBeNull();
    expect(comboOf(key('Tab', 'Tab', { altKey: true }))).toBeNull();
  });
  test('sites are reduced to host[/path] in lower case', () => {
    expect(normaliseSite(' https://Kefu.Example.com/chat/?x=1#y ')).toBe('kefu.example.com/chat');
    expect(normaliseSite('paypal.com/smarthelp/')).toBe('paypal.com/smarthelp');
    expect(normaliseSite('   ')).toBe('');
  });
});

describe('live entries', () => {
  test('merge by seq without duplicates, in order', () => {
    const merged = mergeEntries([entry('a', 0), entry('b', 1)], [entry('b2', 1), entry('c', 2)]);
    expect(merged.map((e) => e.text)).toEqual(['a', 'b2', 'c']);
  });
});
