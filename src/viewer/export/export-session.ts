// The three exports of a session, run from the viewer page: the JSON case file,
// the printable HTML report, and the ZIP package with the screenshots.
import type { CaseFile } from '../../lib/evidence/types';
import type { TranslateFn } from '../../lib/i18n';
import type { Locale } from '../../lib/messages';
import { api } from '../../ui/api';
import { downloadBlob, downloadJson, exportFileName } from '../../ui/download';
import { dataUrlToBytes } from './data-url';
import { buildReportHtml, type ReportVerdict } from './report-html';
import { buildZip } from './zip';

export type ExportKind = 'json' | 'html' | 'zip';

export async function exportSession(kind: ExportKind, file: CaseFile, verdict: ReportVerdict, t: TranslateFn, locale: Locale): Promise<void> {
  if (kind === 'json') return downloadJson(exportFileName(file.session, 'json'), file);
  const report = buildReportHtml(file, verdict, t, locale);
  if (kind === 'html') return downloadBlob(exportFileName(file.session, 'html'), new Blob([report], { type: 'text/html;charset=utf-8' }));
  const shots = await Promise.all(
    file.attachments.map(async (a) => {
      const r = await api('session.attachment', { sessionId: file.session.id, attachmentId: a.id });
      return { name: a.name, bytes: dataUrlToBytes(r.dataUrl).bytes };
    }),
  );
  const zip = buildZip(file, report, shots);
  downloadBlob(exportFileName(file.session, 'zip'), new Blob([zip as BlobPart], { type: 'application/zip' }));
}
