// Hook: what is being recorded in the tab: capture status, the session's entries,
// agent and agreement, kept current by the live port (entries are pushed, never
// polled). After a stop the last session stays on screen.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Agreement, AgentIdentity, AttachmentMeta, Entry } from '../../lib/evidence/types';
import type { LiveEvent } from '../../lib/capture/protocol';
import { api } from '../../ui/api';
import { useLive } from '../../ui/use-live';
import { mergeEntries } from '../logic/entries';

export interface TabSession {
  capturing: boolean;
  /** The session shown: the live one, or the last one seen in this tab. */
  sessionId: string | null;
  count: number;
  entries: Entry[];
  attachments: AttachmentMeta[];
  agent: AgentIdentity | null;
  agreement: Agreement | null;
  /** The chat likely held older messages the page did not show when recording started. */
  olderMessagesHidden: boolean;
  /** The chat platform a site adapter recognised, null when the chat was found by its structure. */
  platform: string | null;
  error: Error | null;
  /** Reads status and session again (after a change made from the sidebar). */
  refresh(): Promise<void>;
}

export function useTabSession(tabId: number | null): TabSession {
  const [capturing, setCapturing] = useState(false);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [count, setCount] = useState(0);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [attachments, setAttachments] = useState<AttachmentMeta[]>([]);
  const [agent, setAgent] = useState<AgentIdentity | null>(null);
  const [agreement, setAgreement] = useState<Agreement | null>(null);
  const [olderMessagesHidden, setOlderMessagesHidden] = useState(false);
  const [platform, setPlatform] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const current = useRef<string | null>(null);

  const loadSession = useCallback(async (id: string) => {
    try {
      const r = await api('session.get', { sessionId: id });
      if (current.current !== id) return;
      setEntries((old) => mergeEntries(old, r.entries));
      setAttachments(r.attachments);
      setAgent(r.session.agent);
      setAgreement(r.session.agreement);
      setCount((c) => Math.max(c, r.session.count, r.entries.length));
    } catch (err) {
      setError(err as Error);
    }
  }, []);

  const showSession = useCallback(
    (id: string | null) => {
      if (!id || id === current.current) return false;
      current.current = id;
      setSessionId(id);
      setEntries([]);
      setAttachments([]);
      setAgent(null);
      setAgreement(null);
      void loadSession(id);
      return true;
    },
    [loadSession],
  );

  const refresh = useCallback(async () => {
    if (tabId === null) return;
    try {
      const s = await api('capture.status', { tabId });
      setCapturing(s.capturing);
      setCount(s.count);
      setOlderMessagesHidden(s.olderMessagesHidden === true);
      setPlatform(s.platform ?? null);
      setError(null);
      if (s.agent && (s.agent.name || s.agent.employeeId)) setAgent((a) => a ?? s.agent!);
      if (!showSession(s.sessionId) && current.current) await loadSession(current.current);
    } catch (err) {
      setError(err as Error);
    }
  }, [tabId, showSession, loadSession]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type === 'status') {
        if (event.tabId !== tabId) return;
        setCapturing(event.capturing);
        setCount(event.count);
        // A session new to the sidebar: what capture.status adds (the hidden-history notice) may have been announced before it.
        if (showSession(event.sessionId)) void refresh();
      } else if (event.type === 'entries') {
        if (event.sessionId !== current.current) {
          // Entries of a session we have not seen yet: it started in this tab.
          if (!showSession(event.sessionId)) return;
        }
        setEntries((old) => mergeEntries(old, event.entries));
        setCount((c) => Math.max(c, ...event.entries.map((e) => e.seq + 1)));
      } else if (event.type === 'session' && event.sessionId === current.current) {
        void loadSession(event.sessionId);
        void refresh();
      }
    },
    [tabId, showSession, loadSession, refresh],
  );

  useLive(tabId === null ? null : { type: 'subscribe', tabId }, onEvent, () => void refresh());

  return { capturing, sessionId, count, entries, attachments, agent, agreement, olderMessagesHidden, platform, error, refresh };
}
