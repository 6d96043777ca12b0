// The printable HTML report of a case file: a self-contained document (inline
// styles, no scripts that run) for people to read and print, with the case file
// itself embedded as <script type="application/json" id="case-file"> so the
// report stays verifiable by anyone who extracts it. Pure: text in, text out.
import type { CaseFile, Entry, Speaker } from '../../lib/evidence/types';
import { formatAmount, formatDateTime } from '../../lib/format';
import type { TranslateFn } from '../../lib/i18n';
import type { Locale } from '../../lib/messages';
import { agentLabel } from '../../ui/agent-label';

export interface ReportVerdict {
  valid: boolean;
  firstBadSeq: number | null;
  reason?: string | null;
}

export interface ReportOptions {
  /** Time zone for the times shown (defaults to the viewer's); tests pin it. */
  timeZone?: string;
  /** When the report was made (defaults to now). */
  now?: Date;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside <script>: no "</script", no line separators that break older parsers. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Reads the case file back out of a report made by buildReportHtml. */
export function extractEmbeddedCaseFile(html: string): unknown {
  const m = /<script type="application\/json" id="case-file">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no embedded case file');
  return JSON.parse(m[1]);
}

const SPEAKER_KEY: Record<Speaker, string> = {
  agent: 'common_speaker_agent',
  user: 'common_speaker_user',
  system: 'common_speaker_system',
};

const AGREEMENT_KIND_KEY = {
  deferral: 'common_agreement_deferral',
  instalments: 'common_agreement_instalments',
  other: 'common_agreement_other',
} as const;

const STYLE = `
body{font:14px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1b1f24;background:#fff;margin:0 auto;max-width:960px;padding:32px 24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #c9d1d9;padding-bottom:4px}
.muted{color:#57606a}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
.notice{border-left:3px solid #0b57d0;background:#f6f7f9;padding:8px 12px;margin:16px 0;color:#333}
.verdict{display:inline-block;padding:4px 12px;border-radius:999px;font-weight:700}
.ok{background:#dafbe1;color:#0f5a26}.bad{background:#ffebe9;color:#9a0f1f}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f7f9;font-weight:600;white-space:nowrap}td.h{white-space:nowrap}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere}.kind{font-size:12px;color:#6b4700}.orig{font-size:12px;color:#57606a;margin-top:4px}
tr.bad-row td{background:#ffebe9}
@media print{body{padding:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

function row(label: string, value: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`;
}

export function buildReportHtml(file: CaseFile, verdict: ReportVerdict, t: TranslateFn, locale: Locale, opts: ReportOptions = {}): string {
  const when = (iso: string | null) =>
    iso === null ? escapeHtml(t('viewer_still_recording')) : `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatDateTime(iso, locale, { timeZone: opts.timeZone }))}</time>`;
  const s = file.session;
  const title = s.title || s.url;
  const agent = agentLabel(s.agent, t);
  const bySeq = new Map<number, Entry>(file.entries.map((e) => [e.seq, e]));

  const verdictHtml = verdict.valid
    ? `<span class="verdict ok">${escapeHtml(t('common_verified_count', file.entries.length))}</span>`
    : `<span class="verdict bad">${escapeHtml(verdict.firstBadSeq === null ? t('common_broken_file') : t('common_broken_at', verdict.firstBadSeq))}</span>${
        verdict.reason ? ` <span class="muted">${escapeHtml(verdict.reason)}</span>` : ''
      }`;

  const agreement = s.agreement
    ? `<h2>${escapeHtml(t('viewer_agreement'))}</h2><dl>${[
        row(t('viewer_agreement_kind'), escapeHtml(t(AGREEMENT_KIND_KEY[s.agreement.kind] ?? 'common_agreement_other'))),
        row(t('viewer_agreement_amount'), escapeHtml(formatAmount(s.agreement.amount, s.agreement.currency, locale))),
        row(t('viewer_agreement_due'), escapeHtml(s.agreement.dueDates.join(', ') || '—')),
        row(t('viewer_agreement_conditions'), `<span class="text">${escapeHtml(s.agreement.conditions || '—')}</span>`),
        row(t('viewer_agreement_recorded'), when(s.agreement.recordedAt)),
      ].join('')}</dl>`
    : '';

  const attachments = file.attachments.length
    ? `<h2>${escapeHtml(t('viewer_attachments'))}</h2><table><thead><tr><th>${escapeHtml(t('viewer_attachment_name'))}</th><th>${escapeHtml(
        t('viewer_time'),
      )}</th><th>SHA-256</th></tr></thead><tbody>${file.attachments
        .map((a) => `<tr><td>${escapeHtml(a.name)}</td><td>${when(a.at)}</td><td class="mono">${escapeHtml(a.sha256)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';

  const rows = file.entries
    .map((e) => {
      const original = e.ref !== null ? bySeq.get(e.ref) : undefined;
      const kind =
        e.kind === 'edit'
          ? t('common_kind_edit', e.ref ?? '')
          : e.kind === 'remove'
            ? t('common_kind_remove', e.ref ?? '')
            : e.kind === 'note'
              ? t('common_kind_note')
              : '';
      const orig = e.ref !== null ? `<div class="orig">${escapeHtml(t('common_original', e.ref))} ${escapeHtml(original?.text ?? t('common_original_missing'))}</div>` : '';
      const who = escapeHtml(t(SPEAKER_KEY[e.speaker] ?? 'common_speaker_system')) + (e.author ? `<br><span class="muted">${escapeHtml(e.author)}</span>` : '');
      const bad = !verdict.valid && verdict.firstBadSeq === e.seq ? ' class="bad-row"' : '';
      return `<tr${bad}><td>${e.seq}</td><td>${when(e.at)}</td><td>${who}</td><td>${kind ? `<div class="kind">${escapeHtml(kind)}</div>` : ''}<div class="text">${escapeHtml(
        e.kind === 'remove' ? t('common_removed_text') : e.text,
      )}</div>${orig}</td><td class="mono h" title="${escapeHtml(e.hash)}">${escapeHtml(e.hash.slice(0, 12))}…</td></tr>`;
    })
    .join('');

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('viewer_report_title', title))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(t('viewer_report_heading'))}</h1>
<p class="muted">${escapeHtml(title)} · ${escapeHtml(t('viewer_report_made', formatDateTime(opts.now ?? new Date(), locale, { timeZone: opts.timeZone })))}</p>
<p class="notice">${escapeHtml(t('common_notice_long'))}</p>
<h2>${escapeHtml(t('viewer_chain'))}</h2>
<p>${verdictHtml}</p>
<dl>${[
    row(t('viewer_chain_algorithm'), escapeHtml(file.chain.algorithm)),
    row(t('viewer_chain_count'), String(file.chain.count)),
    row(t('viewer_chain_head'), `<span class="mono">${escapeHtml(file.chain.head)}</span>`),
    row(t('viewer_chain_genesis'), `<span class="mono">${escapeHtml(file.chain.genesis)}</span>`),
  ].join('')}</dl>
<h2>${escapeHtml(t('viewer_session'))}</h2>
<dl>${[
    row(t('viewer_session_title'), escapeHtml(s.title || '—')),
    row(t('viewer_session_url'), `<span class="mono">${escapeHtml(s.url)}</span>`),
    row(t('viewer_started'), when(s.startedAt)),
    row(t('viewer_ended'), when(s.endedAt)),
    row(t('common_agent'), escapeHtml(agent ?? t('common_agent_unknown'))),
    row(t('viewer_session_id'), `<span class="mono">${escapeHtml(s.id)}</span>`),
    row(t('viewer_exported_at'), when(file.exportedAt)),
    row(t('viewer_generator'), escapeHtml(`${file.generator.name} ${file.generator.version}`)),
  ].join('')}</dl>
${agreement}
${attachments}
<h2>${escapeHtml(t('viewer_transcript'))}</h2>
<table><thead><tr><th>${escapeHtml(t('viewer_seq'))}</th><th>${escapeHtml(t('viewer_time'))}</th><th>${escapeHtml(t('viewer_speaker'))}</th><th>${escapeHtml(
    t('viewer_text'),
  )}</th><th>${escapeHtml(t('viewer_hash'))}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${escapeHtml(t('viewer_report_how_heading'))}</h2>
<p>${escapeHtml(t('viewer_report_how'))}</p>
<script type="application/json" id="case-file">${embedJson(file)}</script>
</body>
</html>
`;
}
