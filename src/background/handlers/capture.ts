// Handlers of capture.* and of the content script's own questions about its tab.
import browser from '../../lib/browser';
import { ApiError } from '../../lib/messages';
import { getSession } from '../../lib/store/sessions';
import { lastEntries } from '../../lib/store/entries';
import { getSettings, setSettings } from '../../lib/store/settings';
import { isAutoStartSite } from '../../lib/auto-start';
import { captureStatus, noteContinuation, startCapture, stopCapture } from '../capture-control';
import { drainCaptureQueue } from '../capture-port';
import type { TabCommand } from '../../lib/capture/protocol';
import { getDb } from '../db';
import type { EvidenceDb } from '../../lib/store/schema';
import { sessionOfTab } from '../tab-sessions';
import { showRecordingBadge } from '../badge';
import type { Handlers } from '../router';
import type { RequestContext } from '../context';
import { messagesOf } from '../transcript';

/**
 * The site a frame's picked chat area is remembered for: the frame's own host (a chat widget
 * framed from another site is the same widget wherever it is embedded), else the tab's.
 */
function frameHost(ctx: RequestContext): string {
  for (const url of [ctx.senderUrl, ctx.tabUrl]) {
    if (url && /^https?:/.test(url)) return new URL(url).host;
  }
  return '';
}

/**
 * The last messages of a session, for a frame that (re)starts capturing: it leaves out what the
 * page shows again of them. The last 200 messages among the last 400 entries (notes and agent
 * entries are read past, not sent).
 */
async function recentMessages(db: EvidenceDb, sessionId: string) {
  return messagesOf(await lastEntries(db, sessionId, 400)).slice(-200);
}

function ownTab(ctx: RequestContext): number {
  if (ctx.senderTabId === null) throw new ApiError('no-tab', 'this request must come from a tab');
  return ctx.senderTabId;
}

export const captureHandlers: Pick<Handlers, 'capture.start' | 'capture.stop' | 'capture.status' | 'capture.pick' | 'content.status' | 'content.pick-saved'> = {
  'capture.start': (req) => startCapture(req.tabId),
  async 'capture.pick'(req) {
    // Every frame points at once (a chat may sit in an iframe of another site); the first
    // frame to answer is where the pointing ended: a pick there, or Esc there.
    let reply: { ok?: boolean; selector?: string | null; error?: string } | undefined;
    try {
      reply = await browser.tabs.sendMessage(req.tabId, { type: 'content.pick-chat-area' } satisfies TabCommand);
    } catch {
      throw new ApiError('no-content-script', 'the chat area cannot be picked on this page (only on http(s) pages)');
    } finally {
      // The other frames stop pointing.
      void browser.tabs.sendMessage(req.tabId, { type: 'content.pick-cancel' } satisfies TabCommand).catch(() => undefined);
    }
    if (reply?.ok === false) throw new ApiError('not-saved', `the chat area was picked but could not be saved: ${reply.error ?? ''}`);
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
    const pickedSelector = settings.pickedChatAreas[frameHost(ctx)] ?? null;
    if (!sessionId && ctx.senderFrameId === 0 && ctx.tabUrl && isAutoStartSite(ctx.tabUrl, settings.autoStartSites)) {
      sessionId = (await startCapture(tabId)).sessionId;
    } else if (sessionId && ctx.senderFrameId === 0) {
      // The top frame loaded again while capturing: a reload or a navigation. The record notes it and goes on.
      const session = await getSession(db, sessionId);
      if (session && session.count > 0) await noteContinuation(tabId, sessionId, ctx.tabUrl ?? '');
      await showRecordingBadge(tabId, true);
    }
    if (!sessionId) return { capturing: false, sessionId: null, recent: [], pickedSelector };
    return { capturing: true, sessionId, recent: await recentMessages(db, sessionId), pickedSelector };
  },

  async 'content.pick-saved'(req, ctx) {
    const tabId = ownTab(ctx);
    const db = await getDb();
    await setSettings(db, { pickedChatAreas: { [frameHost(ctx)]: req.selector } });
    const sessionId = await sessionOfTab(tabId);
    if (!sessionId) return { sessionId: null, recent: [] };
    // The frame stopped its capture before asking: what it sent last is stored before the recent messages are read.
    await drainCaptureQueue(tabId);
    return { sessionId, recent: await recentMessages(db, sessionId) };
  },
};
