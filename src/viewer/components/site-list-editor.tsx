// The editable list of sites where recording starts by itself.
import { useState } from 'preact/hooks';
import { useI18n } from '../../ui/i18n-context';

/** A site as the user typed it, reduced to host[/path] ("https://Cs.Alipay.com/x" → "cs.alipay.com/x"). */
export function normaliseSite(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

interface Props {
  sites: string[];
  onChange(sites: string[]): void;
  onReset(): void;
}

export function SiteListEditor({ sites, onChange, onReset }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const site = normaliseSite(draft);
    if (!site) return;
    if (!sites.includes(site)) onChange([...sites, site]);
    setDraft('');
  };
  return (
    <div class="stack site-editor">
      {sites.length === 0 ? <p class="small muted">{t('settings_sites_empty')}</p> : null}
      <ul class="list site-list">
        {sites.map((s) => (
          <li key={s} class="row">
            <span class="grow mono">{s}</span>
            <button type="button" class="btn btn-quiet btn-sm" onClick={() => onChange(sites.filter((x) => x !== s))} aria-label={t('settings_sites_remove', s)}>
              {t('settings_remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="row" onSubmit={add}>
        <label class="visually-hidden" for="site-new">
          {t('settings_sites_add_label')}
        </label>
        <input id="site-new" class="grow" value={draft} placeholder={t('settings_sites_placeholder')} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="btn" disabled={!normaliseSite(draft)}>
          {t('settings_add')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={onReset}>
          {t('settings_sites_reset')}
        </button>
      </form>
    </div>
  );
}
