// How much the extension's storage holds and how much is available
// (navigator.storage.estimate(); figures are the browser's estimate).
import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../../lib/format';
import { useI18n } from '../../ui/i18n-context';

export function StorageUsage({ refreshKey }: { refreshKey?: unknown }) {
  const { t, locale } = useI18n();
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  useEffect(() => {
    navigator.storage
      ?.estimate()
      .then(setEstimate)
      .catch(() => setEstimate(null));
  }, [refreshKey]);
  if (!estimate || estimate.usage === undefined) return null;
  const available = estimate.quota !== undefined ? Math.max(0, estimate.quota - estimate.usage) : null;
  return (
    <p class="small muted storage-usage" data-testid="storage-usage">
      {available === null
        ? t('viewer_storage_used', formatBytes(estimate.usage, locale))
        : t('viewer_storage', formatBytes(estimate.usage, locale), formatBytes(available, locale))}
    </p>
  );
}
