// @vitest-environment jsdom
// The printable report: readable in both languages, escapes the chat's text,
// and embeds the case file so that it still verifies when extracted.
import { describe, expect, test } from 'vitest';
import { verifyCaseFile } from '../../../src/lib/evidence/verify';
import { buildReportHtml, embedJson, escapeHtml, extractEmbeddedCaseFile } from '../../../src/viewer/export/report-html';
import { sampleCaseFile } from '../../fixtures/case-files/sample-case';
import { buildCaseFile } from '../../../src/lib/evidence/case-file';
import { chainEntries } from '../../../src/lib/evidence/chain';
import { translator } from './support';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const opts = { timeZone: 'Asia/Shanghai', now: new Date('2026-11-26T08:00:00Z') };

describe('buildReportHtml', () => {
  const file = sampleCaseFile();
  const ok = { valid: true, firstBadSeq: null, reason: null };

  test('embeds the case file exactly, so the report itself can be verified', () => {
    const { t } = translator('zh-CN');
    const html = buildReportHtml(file, ok, t, 'zh-CN', opts);
    const embedded = extractEmbeddedCaseFile(html);
    expect(embedded).toEqual(file);
    expect(verifyCaseFile(embedded).valid).toBe(true);
  });

  test('Chinese report: headings, verdict, speakers, localized times, edits and recalls with their originals', () => {
    const { t } = translator('zh-CN');
    const doc = parse(buildReportHtml(file, ok, t, 'zh-CN', opts));
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.querySelector('h1')!.textContent).toBe('客服对话记录');
    expect(doc.body.textContent).toContain('校验通过 ✓(7 条)'.replace('(', '（').replace(')', '）'));
    const rows = [...doc.querySelectorAll('tbody tr')].filter((r) => r.querySelectorAll('td').length === 5);
    expect(rows).toHaveLength(7);
    expect(rows[1].textContent).toContain('客服');
    expect(rows[1].textContent).toContain('19:30:05');
    expect(rows[4].textContent).toContain('修改了 #3');
    expect(rows[4].textContent).toContain('without penalty interest.'); // the original of the edit
    expect(rows[5].textContent).toContain('撤回了 #1');
    expect(rows[5].textContent).toContain('您好，请问有什么可以帮您？');
    expect(doc.body.textContent).toContain('¥3,200.00');
    expect(doc.body.textContent).toContain('小李（工号 80123）');
  });

  test('English report of a broken chain names the seq and marks the row', () => {
    const { t } = translator('en');
    const bad = { valid: false, firstBadSeq: 3, reason: 'hash of entry 3 does not match its content' };
    const doc = parse(buildReportHtml(file, bad, t, 'en', opts));
    expect(doc.body.textContent).toContain('Broken at seq 3');
    expect(doc.body.textContent).toContain('hash of entry 3 does not match its content');
    expect(doc.querySelectorAll('tr.bad-row')).toHaveLength(1);
    expect(doc.querySelector('tr.bad-row td')!.textContent).toBe('3');
    expect(doc.body.textContent).toContain('Customer-service chat record');
  });

  test('chat text cannot inject markup or close the embedded script', () => {
    const base = sampleCaseFile();
    const evil = '</script><img src=x onerror=alert(1)><b>bold</b> \u2028 & "quotes"';
    const entries = chainEntries(base.session.id, [{ seq: 0, at: base.entries[0].at, kind: 'message', speaker: 'agent', author: '<i>x</i>', text: evil, ref: null }]);
    const file2 = buildCaseFile({ session: { ...base.session, title: '<script>alert(1)</script>' }, entries, attachments: [], exportedAt: base.exportedAt, generator: base.generator });
    const { t } = translator('en');
    const html = buildReportHtml(file2, ok, t, 'en', opts);
    const doc = parse(html);
    expect(doc.querySelectorAll('img, b, i, script:not([type="application/json"])')).toHaveLength(0);
    expect(doc.body.textContent).toContain(evil.replace('\u2028', '\u2028'));
    const embedded = extractEmbeddedCaseFile(html);
    expect(embedded).toEqual(file2);
    expect(verifyCaseFile(embedded).valid).toBe(true);
  });

  test('helpers escape what they must', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(embedJson({ s: '</script>' })).not.toContain('</');
  });
});
