// "● Recording" / "Not recording": a red dot with words (never colour alone).
import { useI18n } from '../i18n-context';

export function RecordingStatus({ capturing }: { capturing: boolean }) {
  const { t } = useI18n();
  return capturing ? (
    <span class="recording-status row" data-state="recording">
      <span class="rec-dot is-live" aria-hidden="true" />
      <strong>{t('common_recording')}</strong>
    </span>
  ) : (
    <span class="recording-status row muted" data-state="idle">
      <span class="idle-dot" aria-hidden="true" />
      <span>{t('common_not_recording')}</span>
    </span>
  );
}
