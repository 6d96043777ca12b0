// A calm, visible error line for a failed request (announced to screen readers).
import { useI18n } from '../i18n-context';

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p class="notice notice-error" role="alert">
      {t('common_error', message)}
    </p>
  );
}
