// Entry of the content script (every http(s) frame): wires capture, the composer and
// the sidebar host to the background. It stays idle and sends nothing of the page
// until the person starts a capture in this tab (or the site is on the auto-start list).
import browser from '../lib/browser';
import { call, type RequestMap, type RequestType } from '../lib/messages';
import type { TabCommand } from '../lib/capture/protocol';
import type { PageLook } from '../lib/page-look';
import { cancelPicker, capturingSession, isCapturing, noteNavigation, startCapture, startPicker, stopCapture, watchLocation, type LocationWatch } from './capture';
import { insertIntoChat, trackFocus } from './composer';
import { mountLauncher, setLauncherRecording, toggleSidebar } from './sidebar-host';
import { installQuickInsert, setQuickInsertLook } from './quick-insert';

const LOADED = '__chatEvidenceContentLoaded';
const isTop = window === window.top;

function ask<T extends RequestType>(type: T, req: RequestMap[T]['req']) {
  return call((m) => browser.runtime.sendMessage(m), type, req);
}

/** Starts capturing in this frame if the background says the tab is capturing. */
async function syncCapture(): Promise<void> {
  const status = await ask('content.status', {});
  // Recording is always visible in the page, not only on the toolbar badge.
  if (isTop) setLauncherRecording(status.capturing);
  if (status.capturing && status.sessionId && !isCapturing()) {
    startCapture({ sessionId: status.sessionId, recent: status.recent, pickedSelector: status.pickedSelector, isTop });
  }
}

/**
 * The page look (lib/page-look.ts): the one asked for at start, then each one the background
 * pushes on a settings change; null when it could not be read.
 */
let look: Promise<PageLook | null> = Promise.resolve(null);

function applyLook(next: PageLook): void {
  look = Promise.resolve(next);
  setQuickInsertLook(next);
  if (isTop) mountLauncher(next);
}

/**
 * Points at the chat area in this frame (every frame of the tab does at once). A pick is
 * remembered for this frame's site; when the tab records, this frame's capture starts again
 * on the picked area, skipping what the session already holds.
 */
async function pickInThisFrame(): Promise<{ ok: true; selector: string | null } | { ok: false; error: string }> {
  const selector = await startPicker(window, { tip: isTop, locale: isTop ? look.then((l) => l?.locale ?? null) : undefined });
  if (!selector) return { ok: true, selector: null };
  const sessionId = capturingSession();
  // Stopped first, so what it saw is stored before the background reads the recent messages.
  if (sessionId) stopCapture();
  try {
    const saved = await ask('content.pick-saved', { selector });
    if (sessionId && saved.sessionId === sessionId) startCapture({ sessionId, recent: saved.recent ?? [], pickedSelector: selector, isTop });
  } catch (e) {
    // Not saved: capture resumes as it was (the background still knows the session).
    if (sessionId) await syncCapture().catch(() => undefined);
    return { ok: false, error: (e as Error)?.message ?? String(e) };
  }
  return { ok: true, selector };
}

let locationWatch: LocationWatch | null = null;

/** In the top frame: an address change without a page load (SPA navigation) is noted in the record. */
function watchTopFrameAddress(): void {
  locationWatch = watchLocation(window, (url) => {
    // In the capture stream, after what was seen before it: its note falls between before and after.
    if (isCapturing()) noteNavigation(url);
  });
}

function onCommand(msg: unknown): Promise<unknown> | undefined {
  const command = msg as TabCommand;
  switch (command?.type) {
    case 'content.capture-start':
      return syncCapture().then(() => ({ ok: true }));
    case 'content.capture-stop':
      stopCapture();
      if (isTop) setLauncherRecording(false);
      return Promise.resolve({ ok: true });
    case 'content.compose-insert':
      return insertIntoChat(command.text, command.mode ?? 'insert');
    case 'content.sidebar-toggle':
      if (!isTop) return undefined;
      toggleSidebar(command.open);
      return Promise.resolve({ ok: true });
    case 'content.pick-chat-area':
      return pickInThisFrame();
    case 'content.pick-cancel':
      cancelPicker();
      return undefined;
    case 'content.location-check':
      locationWatch?.check();
      return undefined;
    case 'content.look-changed':
      applyLook(command.look);
      return undefined;
    case 'content.ping':
      return Promise.resolve({ ok: true });
    default:
      return undefined;
  }
}

function main(): void {
  const g = globalThis as Record<string, unknown>;
  if (g[LOADED]) return; // injected again into a tab that already has it
  g[LOADED] = true;
  browser.runtime.onMessage.addListener(onCommand);
  trackFocus();
  installQuickInsert();
  if (isTop) watchTopFrameAddress();
  look = ask('content.look', {}).then(
    (r) => r.look,
    () => null,
  );
  // Unreadable: quick insert keeps its defaults; the launcher shows, in the browser's language.
  void look.then((l) => (l ? applyLook(l) : isTop && mountLauncher(null)));
  void syncCapture().catch(() => undefined);
}

main();
