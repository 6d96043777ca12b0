// Entry of the service worker (Chrome) and event page (Firefox): wires listeners to handlers.
// Listeners are registered synchronously at top level so a woken worker receives its event.
import type { Runtime } from 'webextension-polyfill';
import browser from '../lib/browser';
import { CAPTURE_PORT, LIVE_PORT } from '../lib/capture/protocol';
import { createRouter } from './router';
import { handlers } from './handlers';
import { contextOf } from './context';
import { acceptCapturePort } from './capture-port';
import { acceptLivePort } from './live';
import { onTabRemoved } from './capture-control';
import { getDb } from './db';
import { seedPhrases } from './phrase-library';
import { toggleSidebarInTab } from './tab-messaging';
import { onTabAddressChanged } from './navigation-watch';

const route = createRouter(handlers);
const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

// Not async: returning the handler's promise is how a reply is sent, with or without the polyfill.
browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => route(msg, contextOf(sender, extensionOrigin)));

browser.runtime.onConnect.addListener((port) => {
  if (port.name === CAPTURE_PORT) acceptCapturePort(port);
  else if (port.name === LIVE_PORT && port.sender?.url?.startsWith(extensionOrigin)) acceptLivePort(port);
  else port.disconnect();
});

browser.tabs.onRemoved.addListener((tabId) => {
  void onTabRemoved(tabId);
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  void onTabAddressChanged(tabId, changeInfo);
});

browser.runtime.onInstalled.addListener(() => {
  void getDb().then(seedPhrases);
});

browser.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'toggle-sidebar') return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId !== undefined) await toggleSidebarInTab(tabId).catch(() => undefined);
});
