// Hook: subscribes to what the background pushes on the "live" port about a tab
// or a session. The service worker may stop and drop the port; the hook then
// reconnects and calls onConnect again so the page can refetch what it missed.
import { useEffect, useRef } from 'preact/hooks';
import browser from '../lib/browser';
import { LIVE_PORT, liveEventFromWire, type LiveEvent, type LiveSubscribe, type LiveWireEvent } from '../lib/capture/protocol';

const RECONNECT_MS = 400;

export function useLive(subscribe: LiveSubscribe | null, onEvent: (event: LiveEvent) => void, onReconnect?: () => void): void {
  const handlers = useRef({ onEvent, onReconnect });
  handlers.current = { onEvent, onReconnect };
  const key = subscribe === null ? null : JSON.stringify(subscribe);

  useEffect(() => {
    if (key === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const connect = (again: boolean) => {
      try {
        port = browser.runtime.connect({ name: LIVE_PORT });
      } catch {
        timer = setTimeout(() => connect(true), RECONNECT_MS * 2);
        return;
      }
      port.onMessage.addListener((msg: unknown) => handlers.current.onEvent(liveEventFromWire(msg as LiveWireEvent)));
      port.onDisconnect.addListener(() => {
        if (!stopped) timer = setTimeout(() => connect(true), RECONNECT_MS);
      });
      port.postMessage(JSON.parse(key) as LiveSubscribe);
      if (again) handlers.current.onReconnect?.();
    };
    connect(false);
    return () => {
      stopped = true;
      clearTimeout(timer);
      port?.disconnect();
    };
  }, [key]);
}
