// The case profile form: every field of lib/profile.ts. The account number shows
// masked (all but the last four) until the field is focused for editing.
import { useEffect, useState } from 'preact/hooks';
import { maskAccount, type Profile, type ProfileField } from '../../../lib/profile';
import { fieldLabel } from '../../../lib/fill';
import { useI18n } from '../../../ui/i18n-context';
import { FlashLine } from '../../components/flash-line';
import { useFlash } from '../../hooks/use-flash';

const HINT_KEYS: Partial<Record<ProfileField, string>> = {
  product: 'sidebar_hint_product',
  reason: 'sidebar_hint_reason',
  account: 'sidebar_hint_account',
};

/** Display order: related fields side by side in the two-column grid, the long reason last. */
const FORM_ORDER: ProfileField[] = ['name', 'phone', 'account', 'product', 'amount', 'overdueDays', 'monthlyIncome', 'proposedDate', 'instalments', 'reason'];

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ProfileForm({ profile, save }: { profile: Profile; save(p: Profile): Promise<void> }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Profile>(profile);
  const [dirty, setDirty] = useState(false);
  const [accountFocused, setAccountFocused] = useState(false);
  const [flash, showFlash] = useFlash();

  // Follow saves made elsewhere (the Suggest panel's inline fill-ins) unless mid-edit.
  useEffect(() => {
    if (!dirty) setDraft(profile);
  }, [profile, dirty]);

  const set = (field: ProfileField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    try {
      await save(draft);
      setDirty(false);
      showFlash(t('sidebar_profile_saved'));
    } catch (err) {
      showFlash(t('sidebar_action_failed', (err as Error).message), 'error');
    }
  };

  return (
    <form class="stack profile-form" onSubmit={onSubmit} aria-labelledby="profile-heading">
      <h2 id="profile-heading" class="section-title">
        {t('sidebar_profile_heading')}
      </h2>
      <div class="form-grid">
        {FORM_ORDER.map((field) => {
          const id = `profile-${field}`;
          const hint = HINT_KEYS[field];
          const masked = field === 'account' && !accountFocused && draft.account !== '';
          const wide = field === 'reason';
          return (
            <div key={field} class={`field${wide ? ' span-2' : ''}`}>
              <label for={id}>{capitalise(fieldLabel(field, locale))}</label>
              {field === 'reason' ? (
                <textarea id={id} rows={2} value={draft.reason} onInput={(e) => set(field, (e.currentTarget as HTMLTextAreaElement).value)} />
              ) : field === 'proposedDate' ? (
                <input id={id} type="date" value={draft.proposedDate} onInput={(e) => set(field, (e.currentTarget as HTMLInputElement).value)} />
              ) : (
                <input
                  id={id}
                  type="text"
                  autocomplete="off"
                  inputMode={field === 'phone' ? 'tel' : field === 'amount' || field === 'overdueDays' || field === 'monthlyIncome' || field === 'instalments' ? 'decimal' : undefined}
                  value={masked ? maskAccount(draft.account) : draft[field]}
                  aria-describedby={hint ? `${id}-hint` : undefined}
                  data-masked={masked ? 'true' : undefined}
                  onFocus={() => field === 'account' && setAccountFocused(true)}
                  onBlur={() => field === 'account' && setAccountFocused(false)}
                  onInput={(e) => set(field, (e.currentTarget as HTMLInputElement).value)}
                />
              )}
              {hint ? (
                <span id={`${id}-hint`} class="small muted">
                  {t(hint)}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      <div class="row">
        <button type="submit" class="btn btn-primary btn-sm save-profile">
          {t('sidebar_save')}
        </button>
        {dirty ? <span class="small muted">{t('sidebar_unsaved')}</span> : null}
      </div>
      <FlashLine flash={flash} />
    </form>
  );
}
