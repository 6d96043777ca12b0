// The notice every page shows: the extension records and informs, it is not
// legal advice, and nothing leaves the device unless the user exports it.
import { useI18n } from '../i18n-context';

export function LegalNotice({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  return (
    <p class="notice legal-notice" role="note">
      {compact ? t('common_notice_short') : t('common_notice_long')}
    </p>
  );
}
