// Deleting a session, after an explicit confirmation in place (no browser dialog).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../ui/api';
import { ErrorNotice } from '../../ui/components/error-notice';
import { useI18n } from '../../ui/i18n-context';

export function DeleteSession({ sessionId, onDeleted }: { sessionId: string; onDeleted(): void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);

  if (!asking)
    return (
      <button type="button" class="btn" onClick={() => setAsking(true)} data-action="delete">
        {t('viewer_delete')}
      </button>
    );
  const confirm = async () => {
    setBusy(true);
    try {
      await api('session.delete', { sessionId });
      onDeleted();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <div class="confirm card stack" role="alertdialog" aria-labelledby="delete-q" aria-describedby="delete-why">
      <p id="delete-q">
        <strong>{t('viewer_delete_question')}</strong>
      </p>
      <p id="delete-why" class="small muted">
        {t('viewer_delete_explain')}
      </p>
      <div class="row">
        <button type="button" class="btn btn-danger" onClick={confirm} disabled={busy} data-action="confirm-delete">
          {t('viewer_delete_confirm')}
        </button>
        <button type="button" class="btn" ref={cancelRef} onClick={() => setAsking(false)} disabled={busy}>
          {t('common_cancel')}
        </button>
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}
