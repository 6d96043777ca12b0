// The screenshots of a session, each loaded through session.attachment when shown.
import { useEffect, useState } from 'preact/hooks';
import type { AttachmentMeta } from '../../lib/evidence/types';
import { formatDateTime } from '../../lib/format';
import { api } from '../../ui/api';
import { useI18n } from '../../ui/i18n-context';

function Shot({ sessionId, meta }: { sessionId: string; meta: AttachmentMeta }) {
  const { t, locale } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api('session.attachment', { sessionId, attachmentId: meta.id })
      .then((r) => setSrc(r.dataUrl))
      .catch(() => setFailed(true));
  }, [sessionId, meta.id]);
  const when = formatDateTime(meta.at, locale);
  return (
    <li class="shot card">
      {src ? (
        <a href={src} target="_blank" rel="noopener" download={meta.name}>
          <img src={src} alt={t('viewer_screenshot_alt', when)} loading="lazy" />
        </a>
      ) : (
        <div class="shot-placeholder small muted">{failed ? t('viewer_attachment_failed') : t('common_loading')}</div>
      )}
      <div class="small">
        <div>{meta.name}</div>
        <div class="muted">{when}</div>
        <div class="mono muted" title={meta.sha256}>
          {t('viewer_sha256_short', meta.sha256.slice(0, 16))}
        </div>
      </div>
    </li>
  );
}

export function Attachments({ sessionId, attachments }: { sessionId: string; attachments: AttachmentMeta[] }) {
  const { t } = useI18n();
  return (
    <section class="stack" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('viewer_attachments')}</h2>
      {attachments.length === 0 ? (
        <p class="small muted">{t('viewer_no_attachments')}</p>
      ) : (
        <ul class="list shots">
          {attachments.map((a) => (
            <Shot key={a.id} sessionId={sessionId} meta={a} />
          ))}
        </ul>
      )}
    </section>
  );
}
