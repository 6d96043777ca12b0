// Transcript: the live recording as it is chained (edits and recalls shown as such),
// Start/Stop, a note of the user's own, and a screenshot bound into the record.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../ui/api';
import { useI18n } from '../../ui/i18n-context';
import { RecordingStatus } from '../../ui/components/recording-status';
import { Transcript } from '../../ui/components/transcript';
import { FlashLine } from '../components/flash-line';
import { useFlash } from '../hooks/use-flash';
import type { TabSession } from '../hooks/use-tab-session';

/** How close to the bottom (px) still counts as "following" the live transcript. */
const FOLLOW_SLACK = 48;
/** Time for the page to repaint without the sidebar before the tab is captured. */
const HIDE_FOR_SCREENSHOT_MS = 180;

export function TranscriptPanel({ tabId, session, active }: { tabId: number; session: TabSession; active: boolean }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'capture' | 'note' | 'shot' | null>(null);
  const [flash, showFlash] = useFlash();
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  // Keep the newest entry in view while the user has not scrolled up to read.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [session.entries.length, active]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  const run = async (what: 'capture' | 'note' | 'shot', action: () => Promise<void>) => {
    setBusy(what);
    try {
      await action();
    } catch (err) {
      showFlash(t('sidebar_action_failed', (err as Error).message), 'error');
    } finally {
      setBusy(null);
    }
  };

  const toggleCapture = () =>
    run('capture', async () => {
      if (session.capturing) {
        await api('capture.stop', { tabId });
        showFlash(t('sidebar_stopped'));
      } else {
        await api('capture.start', { tabId });
        showFlash(t('sidebar_started'));
      }
      await session.refresh();
    });

  const addNote = (e: Event) => {
    e.preventDefault();
    const text = note.trim();
    if (!text || !session.sessionId) return;
    const sessionId = session.sessionId;
    void run('note', async () => {
      const r = await api('session.note', { sessionId, text });
      setNote('');
      following.current = true;
      showFlash(t('sidebar_note_added', r.seq));
      await session.refresh();
    });
  };

  const screenshot = () =>
    run('shot', async () => {
      // The sidebar covers part of the page: step aside while the visible tab is captured.
      const hidden = await api('sidebar.toggle', { tabId, open: false }).then(
        () => true,
        () => false,
      );
      if (hidden) await new Promise((r) => setTimeout(r, HIDE_FOR_SCREENSHOT_MS));
      try {
        const r = await api('session.screenshot', { tabId });
        showFlash(t('sidebar_screenshot_saved', r.seq));
      } finally {
        if (hidden) await api('sidebar.toggle', { tabId, open: true }).catch(() => undefined);
      }
      await session.refresh();
    });

  return (
    <div class="transcript-panel">
      <div class="row transcript-bar">
        <RecordingStatus capturing={session.capturing} />
        <span class="badge badge-muted entry-count" data-count={session.count}>
          {t('sidebar_entry_count', session.count)}
        </span>
        <span class="spacer" />
        <button type="button" class={`btn btn-sm ${session.capturing ? 'btn-danger' : 'btn-primary'} capture-toggle`} disabled={busy === 'capture'} onClick={() => void toggleCapture()}>
          {session.capturing ? t('sidebar_stop') : t('sidebar_start')}
        </button>
      </div>
      {session.capturing && session.platform ? (
        <p class="small muted platform-line" data-testid="platform">
          {t('capture_platform', session.platform)}
        </p>
      ) : null}
      {session.capturing && session.olderMessagesHidden ? (
        <p class="small notice older-hidden" role="note">
          {t('capture_older_hidden')}
        </p>
      ) : null}
      <div class="transcript-scroll" ref={scroller} role="log" aria-label={t('sidebar_transcript_label')} tabIndex={0}>
        {session.sessionId ? <Transcript entries={session.entries} /> : <p class="empty">{t('sidebar_transcript_idle')}</p>}
      </div>
      <FlashLine flash={flash} />
      <form class="note-form stack" onSubmit={addNote}>
        <label for="note-text" class="small strong">
          {t('sidebar_note_label')}
        </label>
        <textarea
          id="note-text"
          rows={2}
          value={note}
          placeholder={t('sidebar_note_placeholder')}
          disabled={!session.sessionId}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) addNote(e);
          }}
        />
        <div class="row">
          <button type="submit" class="btn btn-sm add-note" disabled={!session.sessionId || !note.trim() || busy === 'note'}>
            {t('sidebar_note_add')}
          </button>
          <button type="button" class="btn btn-sm screenshot" disabled={!session.capturing || busy === 'shot'} onClick={() => void screenshot()}>
            {t('sidebar_screenshot')}
          </button>
        </div>
        {!session.sessionId ? <p class="small muted">{t('sidebar_note_needs_session')}</p> : null}
      </form>
    </div>
  );
}
