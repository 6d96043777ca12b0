// Notices the top frame's address changing without a new document (a single-page app's
// pushState, a replaceState to another path, a hash change, back/forward within the page),
// so the record can say where the conversation went. Only the address matters: one
// navigation is one change however many signals announce it (popstate and hashchange for
// one hash change, the Navigation API's event where the browser has it, the background's
// nudge after tabs.onUpdated), and a freshly loaded document starts from its own address,
// so a reload is never taken for an in-page navigation.

export interface LocationWatch {
  /** Compares the address with the last one seen; reports a change once. */
  check(): void;
  stop(): void;
}

/** Watches `win`'s address; `onChange` gets each new address once, in order. */
export function watchLocation(win: Window, onChange: (url: string) => void): LocationWatch {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === last) return;
    last = now;
    onChange(now);
  };
  win.addEventListener('popstate', check, true);
  win.addEventListener('hashchange', check, true);
  // pushState/replaceState fire no event, except through the Navigation API (Chromium; newer Firefox).
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener?.('currententrychange', check);
  return {
    check,
    stop() {
      win.removeEventListener('popstate', check, true);
      win.removeEventListener('hashchange', check, true);
      navigation?.removeEventListener?.('currententrychange', check);
    },
  };
}
