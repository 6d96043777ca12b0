// Handlers of capture.* and of the content script's own questions about its tab.
import browser from '../../lib/browser';
import { ApiError } from '../../lib/messages';
import { getSession } from '../../lib/store/sessions';
import { lastEntries } from '../../lib/store/entries';
import { getSettings, setSettings } from '../../lib/store/settings';
import { isAutoStartSite } from '../../lib/auto-start';
import { captureStatus, noteContinuation, startCapture, stopCapture } from '../capture-control';
import { getDb } from '../db';
import { sessionOfTab } from '../tab-sessions';
import { showRecordingBadge } from '../badge';
import type { Handlers } from '../router';
import type { RequestContext } from '../context';
import { messagesOf } from '../transcript';

function ownTab(ctx: RequestContext): number {
  if (ctx.senderTabId === null) throw new ApiError('no-tab', 'this request must come from a tab');
  return ctx.senderTabId;
}

export const captureHandlers: Pick<Handlers, 'capture.start' | 'capture.stop' | 'capture.status' | 'capture.pick' | 'content.status' | 'content.pick-saved'> = {
  'capture.start': (req) => startCapture(req.tabId),
  async 'capture.pick'(req) {
    let reply: { selector?: string | null } | undefined;
    try {
      reply = await browser.tabs.sendMessage(req.tabId, { type: 'content.pick-chat-area' }, { frameId: 0 });
    } catch {
      throw new ApiError('no-content-script', 'the chat area cannot be picked on this page (only on http(s) pages)');
    }
    return { selector: reply?.selector ?? null };
  },
  'capture.stop': (req) => stopCapture(req.tabId),
  'capture.status': (req) => captureStatus(req.tabId),

  async 'content.status'(_req, ctx) {
    const tabId = ownTab(ctx);
    let sessionId = await sessionOfTab(tabId);
    // Every frame of every page asks on load: a subframe of a tab that is not recording
    // (only the top frame can auto-start) is answered without opening the database.
    if (!sessionId && ctx.senderFrameId !== 0) return { capturing: false, sessionId: null, recent: [], pickedSelector: null };
    const db = await getDb();
    const settings = await getSettings(db);
    const host = ctx.tabUrl ? new URL(ctx.tabUrl).host : '';
    const pickedSelector = settings.pickedChatAreas[host] ?? null;
    if (!sessionId && ctx.senderFrameId === 0 && ctx.tabUrl && isAutoStartSite(ctx.tabUrl, settings.autoStartSites)) {
      sessionId = (await startCapture(tabId)).sessionId;
    } else if (sessionId && ctx.senderFrameId === 0) {
      // The top frame loaded again while capturing: a reload or a navigation. The record notes it and goes on.
      const session = await getSession(db, sessionId);
      if (session && session.count > 0) await noteContinuation(tabId, sessionId, ctx.tabUrl ?? '');
      await showRecordingBadge(tabId, true);
    }
    if (!sessionId) return { capturing: false, sessionId: null, recent: [], pickedSelector };
    const recent = messagesOf(await lastEntries(db, sessionId, 400)).slice(-200);
    return { capturing: true, sessionId, recent, pickedSelector };
  },

  async 'content.pick-saved'(req, ctx) {
    if (!ctx.tabUrl) throw new ApiError('no-tab', 'this request must come from a tab');
    const db = await getDb();
    const host = new URL(ctx.tabUrl).host;
    await setSettings(db, { pickedChatAreas: { [host]: req.selector } });
    return {};
  },
};
