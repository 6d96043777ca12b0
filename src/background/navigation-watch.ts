// Single-page apps change the address with history.pushState/replaceState, which the content
// script cannot see from its isolated world in every browser (no event fires). tabs.onUpdated
// reports every change of a tab's address (no extra permission: host access gives the URL),
// but the same way for a page load and for an in-page change. So the background only nudges
// the top frame of a recording tab; the content script tells which it was (its document's
// address changed under it: an in-page navigation; a new document: the load's own note).
import browser from '../lib/browser';
import type { TabCommand } from '../lib/capture/protocol';
import { sessionOfTab } from './tab-sessions';

/** tabs.onUpdated listener: a recording tab whose address changed has its top frame check. */
export async function onTabAddressChanged(tabId: number, changeInfo: { url?: string }): Promise<void> {
  if (!changeInfo.url || !/^https?:/.test(changeInfo.url)) return;
  if (!(await sessionOfTab(tabId))) return;
  await browser.tabs.sendMessage(tabId, { type: 'content.location-check' } satisfies TabCommand, { frameId: 0 }).catch(() => undefined);
}
