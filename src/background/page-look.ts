// The look of the content script's pieces in web pages (lib/page-look.ts): asked for by each
// frame when its content script starts, and sent to every open tab when the settings change.
import browser from '../lib/browser';
import type { TabCommand } from '../lib/capture/protocol';
import { pageLookOf, type PageLook } from '../lib/page-look';
import type { Settings } from '../lib/settings';
import { translatorFor } from './translator';

export async function pageLook(settings: Settings): Promise<PageLook> {
  return pageLookOf(settings, await translatorFor(settings));
}

/**
 * Tells every tab's content scripts the look for the new settings. Tabs without one (browser
 * pages, pages opened before the extension was installed) are skipped: they are not injected
 * for this, and their pages read the look when the content script starts.
 */
export async function sendPageLookToTabs(settings: Settings): Promise<void> {
  const command: TabCommand = { type: 'content.look-changed', look: await pageLook(settings) };
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, command).catch(() => undefined))));
}
