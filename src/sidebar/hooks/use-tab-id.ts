// Hook: the id of the tab the sidebar belongs to. Inside the in-page iframe the
// background answers 'tab.current' from sender.tab; a ?tabId= in the URL wins (tests,
// or the sidebar opened on its own for a given tab).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../ui/api';

export function tabIdFromUrl(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** undefined while asking, null when there is no tab (nothing to work on). */
export function useTabId(): number | null | undefined {
  const [tabId, setTabId] = useState<number | null | undefined>(() => tabIdFromUrl(location.search) ?? undefined);
  useEffect(() => {
    if (tabId !== undefined) return;
    api('tab.current', {})
      .then((r) => setTabId(r.tabId))
      .catch(() => setTabId(null));
  }, [tabId]);
  return tabId;
}
