// The "live" port: extension pages subscribe to a tab or a session and are pushed
// new entries and status changes, so nothing polls. Subscribers live as long as
// their port, which never outlives the worker, so memory is the right place.
import type { Runtime } from 'webextension-polyfill';
import type { Entry } from '../lib/evidence/types';
import { liveEventToWire, type LiveEvent, type LiveSubscribe } from '../lib/capture/protocol';

interface Subscriber {
  port: Runtime.Port;
  tabId?: number;
  sessionId?: string;
}

const subscribers = new Set<Subscriber>();

export function acceptLivePort(port: Runtime.Port): void {
  const sub: Subscriber = { port };
  subscribers.add(sub);
  port.onMessage.addListener((msg: unknown) => {
    const m = msg as LiveSubscribe;
    if (m?.type !== 'subscribe') return;
    sub.tabId = Number.isInteger(m.tabId) ? m.tabId : undefined;
    sub.sessionId = typeof m.sessionId === 'string' ? m.sessionId : undefined;
  });
  port.onDisconnect.addListener(() => subscribers.delete(sub));
}

function publish(event: LiveEvent, tabId: number | null, sessionId: string | null): void {
  let wire: ReturnType<typeof liveEventToWire> | null = null;
  for (const sub of subscribers) {
    const wantsTab = sub.tabId !== undefined && sub.tabId === tabId;
    const wantsSession = sub.sessionId !== undefined && sub.sessionId === sessionId;
    const wantsAll = sub.tabId === undefined && sub.sessionId === undefined;
    if (!(wantsTab || wantsSession || wantsAll)) continue;
    try {
      sub.port.postMessage((wire ??= liveEventToWire(event)));
    } catch {
      subscribers.delete(sub);
    }
  }
}

/**
 * Past this many entries at once (a chat that already showed thousands of messages when
 * recording started), subscribers get a 'session' event and reload what they show instead:
 * passing every entry through the port costs the worker more than storing them did.
 */
export const LIVE_ENTRIES_MAX = 500;

export function publishEntries(tabId: number | null, sessionId: string, entries: Entry[]): void {
  if (entries.length > LIVE_ENTRIES_MAX) publishSessionChanged(sessionId, tabId);
  else if (entries.length) publish({ type: 'entries', sessionId, entries }, tabId, sessionId);
}

export function publishStatus(tabId: number, capturing: boolean, sessionId: string | null, count: number): void {
  publish({ type: 'status', tabId, capturing, sessionId, count }, tabId, sessionId);
}

export function publishSessionChanged(sessionId: string, tabId: number | null): void {
  publish({ type: 'session', sessionId }, tabId, sessionId);
}
