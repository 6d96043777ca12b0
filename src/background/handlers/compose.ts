// Handlers that reach into the page: compose.insert (the composer in the best frame),
// sidebar.toggle, and tab.current (which tab an extension page is about).
import browser from '../../lib/browser';
import { ApiError } from '../../lib/messages';
import type { TabCommand } from '../../lib/capture/protocol';
import { injectContentScript, toggleSidebarInTab } from '../tab-messaging';
import type { Handlers } from '../router';

type InsertResult = { ok: true; method: string } | { ok: false; code: string; message: string };

/** Asks every frame how likely it holds the chat input; the content script answers through its composer. */
async function probeFrames(tabId: number): Promise<{ frameId: number; score: number }[]> {
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => {
      const composer = (globalThis as { __chatEvidenceComposer?: { probe?: () => number } }).__chatEvidenceComposer;
      return composer?.probe ? composer.probe() : -1;
    },
  });
  return results.map((r) => ({ frameId: r.frameId, score: typeof r.result === 'number' ? r.result : -1 }));
}

async function bestFrame(tabId: number): Promise<number> {
  let frames = await probeFrames(tabId);
  if (frames.every((f) => f.score < 0)) {
    // No content script yet (the tab predates the extension): inject, then ask again.
    await injectContentScript(tabId);
    frames = await probeFrames(tabId);
  }
  const best = frames.reduce((a, b) => (b.score > a.score ? b : a), { frameId: -1, score: 0 });
  if (best.frameId < 0 || best.score <= 0) throw new ApiError('no-input', 'no chat input box was found on this page');
  return best.frameId;
}

export const composeHandlers: Pick<Handlers, 'compose.insert' | 'sidebar.toggle' | 'tab.current'> = {
  async 'compose.insert'(req) {
    let frameId: number;
    try {
      frameId = await bestFrame(req.tabId);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError('cannot-inject', `cannot reach the page: ${(e as Error).message}`);
    }
    const command: TabCommand = { type: 'content.compose-insert', text: req.text, mode: req.mode ?? 'insert' };
    const result = (await browser.tabs.sendMessage(req.tabId, command, { frameId })) as InsertResult | undefined;
    if (!result) throw new ApiError('no-input', 'the page did not answer');
    if (!result.ok) throw new ApiError(result.code, result.message);
    return {};
  },

  async 'sidebar.toggle'(req) {
    await toggleSidebarInTab(req.tabId, req.open);
    return {};
  },

  async 'tab.current'(_req, ctx) {
    // The sidebar is an extension page framed inside the web page's tab: that tab is the one it serves.
    if (ctx.senderTabId !== null && ctx.senderUrl?.includes('/sidebar.html')) return { tabId: ctx.senderTabId, url: ctx.tabUrl };
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return { tabId: tab?.id ?? null, url: tab?.url ?? null };
  },
};
