// The chain verdict of a case file: "Verified ✓" or "Broken at seq N", with the
// verifier's reason. `result` undefined means the check is still running.
import { useI18n } from '../i18n-context';

export interface Verdict {
  valid: boolean;
  firstBadSeq: number | null;
  reason?: string | null;
}

export function VerifyVerdict({ result, count }: { result: Verdict | undefined | null; count?: number }) {
  const { t } = useI18n();
  if (!result) return <span class="badge badge-muted verdict" data-verdict="pending">{t('common_verify_pending')}</span>;
  if (result.valid)
    return (
      <span class="badge badge-ok verdict" data-verdict="valid">
        {count === undefined ? t('common_verified') : t('common_verified_count', count)}
      </span>
    );
  return (
    <span class="verdict-broken row" data-verdict="invalid" data-first-bad-seq={result.firstBadSeq ?? ''}>
      <span class="badge badge-danger verdict">
        {result.firstBadSeq === null ? t('common_broken_file') : t('common_broken_at', result.firstBadSeq)}
      </span>
      {result.reason ? <span class="small muted verdict-reason">{result.reason}</span> : null}
    </span>
  );
}
