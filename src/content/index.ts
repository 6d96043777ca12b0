// Entry of the content script (every http(s) frame): wires capture, the composer and
// the sidebar host to the background. It stays idle and sends nothing of the page
// until the person starts a capture in this tab (or the site is on the auto-start list).
import browser from '../lib/browser';
import { call, type RequestMap, type RequestType } from '../lib/messages';
import type { TabCommand } from '../lib/capture/protocol';
import { isCapturing, startCapture, startPicker, stopCapture } from './capture';
import { insertIntoChat, trackFocus } from './composer';
import { mountLauncher, setLauncherRecording, toggleSidebar } from './sidebar-host';
import { installQuickInsert } from './quick-insert';

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
      if (!isTop) return undefined;
      return startPicker().then(async (selector) => {
        if (selector) await ask('content.pick-saved', { selector });
        return { ok: true, selector };
      });
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
  if (isTop) {
    void ask('settings.get', {})
      .then(({ settings }) => mountLauncher({ show: settings.showLauncher }))
      .catch(() => mountLauncher({ show: true }));
  }
  void syncCapture().catch(() => undefined);
}

main();
