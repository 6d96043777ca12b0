// A recorder on the background's "live" port, run inside an extension page: notes when each
// bench message's entry arrives (and its `at`, when the content script saw it) (pushed after its IndexedDB transaction committed), any entry
// that is not a bench message, and when the session's stored count reaches a target.

/** Installs window.__live on the extension page, subscribed to `tabId`. */
export async function startLiveRecorder(apiPage, tabId, target = 0) {
  await apiPage.evaluate(
    ([tabId, target]) => {
      globalThis.__live?.port.disconnect();
      const rec = { arrivals: {}, seenAt: {}, others: [], count: 0, target, reachedAt: null, counts: [] };
      const port = globalThis.chrome.runtime.connect({ name: 'live' });
      port.onMessage.addListener((m) => {
        const now = Date.now();
        if (m?.type === 'entries') {
          // Entries cross the live port packed into one JSON string (liveEventToWire).
          for (const e of m.packed ? JSON.parse(m.packed) : m.entries) {
            const serial = /#(\d+)\b/.exec(e.text ?? '')?.[1];
            if (serial && e.kind === 'message') {
              rec.arrivals[serial] ??= now;
              // entry.at: when the content script saw the message.
              rec.seenAt[serial] ??= Date.parse(e.at);
            }
            else rec.others.push({ kind: e.kind, speaker: e.speaker, text: e.text });
          }
        } else if (m?.type === 'status' && m.capturing) {
          rec.count = m.count;
          rec.counts.push([now, m.count]);
          if (rec.target && rec.reachedAt === null && m.count >= rec.target) rec.reachedAt = now;
        }
      });
      port.postMessage({ type: 'subscribe', tabId });
      globalThis.__live = { rec, port };
    },
    [tabId, target],
  );
}

/** What the recorder saw so far. */
export function liveRecord(apiPage) {
  return apiPage.evaluate(() => globalThis.__live.rec);
}

export function stopLiveRecorder(apiPage) {
  return apiPage.evaluate(() => {
    globalThis.__live?.port.disconnect();
    globalThis.__live = undefined;
  });
}
