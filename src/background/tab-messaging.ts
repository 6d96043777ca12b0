// Messages from the background to a tab's content scripts, injecting the content
// script first into a tab that was open before the extension was installed or updated.
import browser from '../lib/browser';
import { ApiError } from '../lib/messages';
import type { TabCommand } from '../lib/capture/protocol';

/** Tells every frame of the tab; injects the content script first when the tab predates the extension. */
export async function sendToAllFrames(tabId: number, command: TabCommand): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, command);
  } catch {
    // No content script answered: the tab was opened before the extension was installed or updated.
    await injectContentScript(tabId);
    await browser.tabs.sendMessage(tabId, command).catch(() => undefined);
  }
}

export async function injectContentScript(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['content.js'] });
  } catch (e) {
    throw new ApiError('cannot-inject', `cannot run in this tab (${(e as Error).message}); capture works on http(s) pages`);
  }
}

export async function toggleSidebarInTab(tabId: number, open?: boolean): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, { type: 'content.sidebar-toggle', open }, { frameId: 0 });
  } catch {
    throw new ApiError('no-content-script', 'the sidebar cannot open on this page (only on http(s) pages)');
  }
}
