// Who sent a request: an extension page, or a content script speaking for its own tab.
import type { Runtime } from 'webextension-polyfill';

export interface RequestContext {
  /** True when the sender is a content script in a web page. */
  fromContentScript: boolean;
  /** The tab the sender lives in (content script, or extension page framed in a tab), else null. */
  senderTabId: number | null;
  senderFrameId: number | null;
  senderUrl: string | null;
  /** The URL of the sender's tab, when known. */
  tabUrl: string | null;
}

export function contextOf(sender: Runtime.MessageSender, extensionOrigin: string): RequestContext {
  const senderUrl = sender.url ?? null;
  const fromExtension = senderUrl !== null && senderUrl.startsWith(extensionOrigin);
  return {
    fromContentScript: !fromExtension && sender.tab !== undefined,
    senderTabId: sender.tab?.id ?? null,
    senderFrameId: sender.frameId ?? null,
    senderUrl,
    tabUrl: sender.tab?.url ?? null,
  };
}
