// The session list's search: free text, site and a date range.
import { useI18n } from '../../ui/i18n-context';
import type { SessionFilter } from '../search';

interface Props {
  filter: SessionFilter;
  sites: string[];
  onChange(filter: SessionFilter): void;
}

export function FilterBar({ filter, sites, onChange }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<SessionFilter>) => onChange({ ...filter, ...patch });
  return (
    <form class="filter-bar card" role="search" onSubmit={(e) => e.preventDefault()}>
      <div class="field filter-text">
        <label for="filter-text">{t('viewer_search_label')}</label>
        <input
          id="filter-text"
          type="search"
          value={filter.text}
          placeholder={t('viewer_search_placeholder')}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="filter-site">{t('viewer_site_label')}</label>
        <select id="filter-site" value={filter.site} onChange={(e) => set({ site: e.currentTarget.value })}>
          <option value="">{t('viewer_site_all')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-from">{t('viewer_date_from')}</label>
        <input id="filter-from" type="date" value={filter.from} onInput={(e) => set({ from: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="filter-to">{t('viewer_date_to')}</label>
        <input id="filter-to" type="date" value={filter.to} onInput={(e) => set({ to: e.currentTarget.value })} />
      </div>
    </form>
  );
}
