// Which tab the popup speaks about. Normally the active tab (tab.current); tests
// open popup.html as a page of its own, so popup.html?tabId=N names the tab.
export function tabIdOverride(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** Only web pages can be recorded (not the browser's own or the extension's pages). */
export function isRecordableUrl(url: string | null): boolean {
  return url === null || /^https?:\/\//i.test(url);
}
