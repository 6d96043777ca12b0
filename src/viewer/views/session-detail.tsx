// One session: its facts and chain verdict (session.export → session.verify),
// agreement, screenshots, exports, delete, and the full transcript, kept up to
// date while the session is still recording.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AttachmentMeta, CaseFile } from '../../lib/evidence/types';
import { hostOf } from '../../lib/format';
import type { RequestMap } from '../../lib/messages';
import { api } from '../../ui/api';
import { ErrorNotice } from '../../ui/components/error-notice';
import { RecordingStatus } from '../../ui/components/recording-status';
import { Transcript } from '../../ui/components/transcript';
import type { Verdict } from '../../ui/components/verify-verdict';
import { useI18n } from '../../ui/i18n-context';
import { useLive } from '../../ui/use-live';
import { AgreementCard } from '../components/agreement-card';
import { Attachments } from '../components/attachments';
import { DeleteSession } from '../components/delete-session';
import { SessionFacts } from '../components/session-facts';
import { exportSession, type ExportKind } from '../export/export-session';
import { mergeEntries } from '../merge-entries';

type Detail = RequestMap['session.get']['res'];

export function SessionDetail({ sessionId }: { sessionId: string }) {
  const { t, locale } = useI18n();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [file, setFile] = useState<CaseFile | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const [missing, setMissing] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const d = await api('session.get', { sessionId });
      setDetail(d);
      const exported = await api('session.export', { sessionId, format: 'json' });
      setFile(exported.data);
      const v = await api('session.verify', { data: exported.data });
      setVerdict(v);
      setError(null);
    } catch (err) {
      if ((err as { code?: string }).code === 'not-found') setMissing(true);
      else setError(err);
    }
  }, [sessionId]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  // While recording, new entries arrive live; the chain verdict follows shortly after.
  useLive(
    { type: 'subscribe', sessionId },
    (ev) => {
      if (ev.type === 'entries' && ev.sessionId === sessionId) {
        setDetail((d) => (d ? { ...d, entries: mergeEntries(d.entries, ev.entries) } : d));
      }
      if ((ev.type === 'entries' || ev.type === 'session') && ev.sessionId === sessionId) {
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void load(), 600);
      }
    },
    () => void load(),
  );

  const doExport = async (kind: ExportKind) => {
    if (!file) return;
    setExporting(kind);
    try {
      await exportSession(kind, file, verdict ?? { valid: false, firstBadSeq: null, reason: null }, t, locale);
    } catch (err) {
      setError(err);
    } finally {
      setExporting(null);
    }
  };

  if (missing)
    return (
      <section class="stack">
        <p class="empty">{t('viewer_session_missing')}</p>
        <p>
          <a href="#">{t('viewer_back')}</a>
        </p>
      </section>
    );
  if (!detail)
    return (
      <section class="stack" aria-busy="true">
        <p>
          <a href="#">{t('viewer_back')}</a>
        </p>
        <ErrorNotice error={error} />
        {error ? null : <p class="muted">{t('common_loading')}</p>}
      </section>
    );

  const s = detail.session;
  const attachments: AttachmentMeta[] = detail.attachments;
  return (
    <article class="stack session-detail" aria-labelledby="session-heading">
      <p>
        <a href="#">{t('viewer_back')}</a>
      </p>
      <div class="row">
        <h1 id="session-heading" class="grow">
          {s.title || hostOf(s.url)}
        </h1>
        {s.endedAt === null ? <RecordingStatus capturing /> : null}
      </div>
      <div class="row export-actions" role="group" aria-label={t('viewer_export_label')}>
        <button type="button" class="btn btn-primary" disabled={!file || exporting !== null} onClick={() => doExport('json')} data-action="export-json">
          {t('viewer_export_json')}
        </button>
        <button type="button" class="btn" disabled={!file || exporting !== null} onClick={() => doExport('html')} data-action="export-html">
          {t('viewer_export_html')}
        </button>
        <button type="button" class="btn" disabled={!file || exporting !== null} onClick={() => doExport('zip')} data-action="export-zip">
          {exporting === 'zip' ? t('viewer_exporting') : t('viewer_export_zip')}
        </button>
        <span class="spacer" />
        <DeleteSession sessionId={sessionId} onDeleted={() => (location.hash = '#')} />
      </div>
      <ErrorNotice error={error} />
      <div class="detail-grid">
        <SessionFacts session={s} count={file?.entries.length ?? detail.entries.length} verdict={verdict} head={file?.chain.head} />
        <AgreementCard agreement={s.agreement} />
      </div>
      <Attachments sessionId={sessionId} attachments={attachments} />
      <section class="stack" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading">{t('viewer_transcript')}</h2>
        <Transcript entries={detail.entries} highlightSeq={verdict && !verdict.valid ? verdict.firstBadSeq : null} />
      </section>
    </article>
  );
}

