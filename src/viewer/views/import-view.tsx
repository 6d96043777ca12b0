// Verifying a case file someone hands you: drop it (or pick it), and the viewer
// says whether its chain holds (session.verify), where it first breaks, and shows
// what it contains. Non-JSON and non-case files get a plain explanation.
import { useState } from 'preact/hooks';
import type { AgentIdentity, Entry } from '../../lib/evidence/types';
import { formatBytes } from '../../lib/format';
import { api } from '../../ui/api';
import { ErrorNotice } from '../../ui/components/error-notice';
import { Transcript } from '../../ui/components/transcript';
import type { Verdict } from '../../ui/components/verify-verdict';
import { useI18n } from '../../ui/i18n-context';
import { SessionFacts } from '../components/session-facts';
import { caseFileTextOf, classifyImport, MAX_IMPORT_BYTES } from '../import-file';

type Outcome =
  | { kind: 'not-json' | 'not-case-file' | 'too-big'; name: string }
  | { kind: 'verified'; name: string; data: Record<string, unknown>; verdict: Verdict };

/** Shapes an untrusted file's entries enough to display them (verification is separate). */
function displayEntries(data: Record<string, unknown>): Entry[] {
  const raw = Array.isArray(data.entries) ? data.entries : [];
  return raw
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e, i) => ({
      seq: typeof e.seq === 'number' ? e.seq : i,
      at: typeof e.at === 'string' ? e.at : '',
      kind: e.kind === 'edit' || e.kind === 'remove' || e.kind === 'note' ? e.kind : 'message',
      speaker: e.speaker === 'agent' || e.speaker === 'user' ? e.speaker : 'system',
      author: typeof e.author === 'string' ? e.author : null,
      text: typeof e.text === 'string' ? e.text : String(e.text ?? ''),
      ref: typeof e.ref === 'number' ? e.ref : null,
      prev: String(e.prev ?? ''),
      hash: String(e.hash ?? ''),
    }));
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function ImportView() {
  const { t, locale } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);

  const check = async (file: File) => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      if (file.size > MAX_IMPORT_BYTES) return setOutcome({ kind: 'too-big', name: file.name });
      const first = classifyImport(caseFileTextOf(await file.text()));
      if (first.kind !== 'case-file') return setOutcome({ kind: first.kind, name: file.name });
      const verdict = await api('session.verify', { data: first.data });
      setOutcome({ kind: 'verified', name: file.name, data: first.data, verdict });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file) void check(file);
  };

  return (
    <section class="stack" aria-labelledby="import-heading">
      <h1 id="import-heading">{t('viewer_import_heading')}</h1>
      <p class="muted">{t('viewer_import_intro')}</p>
      <div
        class={`dropzone${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>{t('viewer_import_drop')}</p>
        <label class="btn btn-primary" for="import-file">
          {t('viewer_import_pick')}
        </label>
        <input
          id="import-file"
          class="visually-hidden"
          type="file"
          accept=".json,.html,application/json,text/html"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void check(f);
            e.currentTarget.value = '';
          }}
        />
        <p class="small muted">{t('viewer_import_private')}</p>
      </div>
      <div aria-live="polite" class="stack">
        {busy ? <p class="muted">{t('viewer_import_checking')}</p> : null}
        <ErrorNotice error={error} />
        {outcome ? <ImportVerdict outcome={outcome} /> : null}
      </div>
      {outcome?.kind === 'verified' ? (
        <>
          <SessionFacts
            session={{
              id: str((outcome.data.session as Record<string, unknown> | undefined)?.id),
              url: str((outcome.data.session as Record<string, unknown> | undefined)?.url),
              title: str((outcome.data.session as Record<string, unknown> | undefined)?.title),
              startedAt: str((outcome.data.session as Record<string, unknown> | undefined)?.startedAt),
              endedAt: str((outcome.data.session as Record<string, unknown> | undefined)?.endedAt) || null,
              agent: ((outcome.data.session as Record<string, unknown> | undefined)?.agent as AgentIdentity | undefined) ?? null,
            }}
            count={displayEntries(outcome.data).length}
            verdict={outcome.verdict}
            head={str((outcome.data.chain as Record<string, unknown> | undefined)?.head) || undefined}
          />
          <section class="stack" aria-labelledby="import-transcript-heading">
            <h2 id="import-transcript-heading">{t('viewer_transcript')}</h2>
            <Transcript entries={displayEntries(outcome.data)} highlightSeq={outcome.verdict.valid ? null : outcome.verdict.firstBadSeq} />
          </section>
        </>
      ) : null}
      <p class="small muted">{t('viewer_import_limit', formatBytes(MAX_IMPORT_BYTES, locale))}</p>
    </section>
  );
}

function ImportVerdict({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  if (outcome.kind !== 'verified') {
    const key = outcome.kind === 'not-json' ? 'viewer_import_not_json' : outcome.kind === 'too-big' ? 'viewer_import_too_big' : 'viewer_import_not_case';
    return (
      <div class="card verdict-card is-bad" role="alert" data-verdict={outcome.kind}>
        <p class="card-title">{t(key, outcome.name)}</p>
      </div>
    );
  }
  const v = outcome.verdict;
  return (
    <div class={`card verdict-card ${v.valid ? 'is-ok' : 'is-bad'}`} role="status" data-verdict={v.valid ? 'valid' : 'invalid'} data-first-bad-seq={v.firstBadSeq ?? ''}>
      <p class="card-title">
        {v.valid
          ? t('viewer_import_valid', outcome.name)
          : v.firstBadSeq === null
            ? t('viewer_import_invalid_file', outcome.name)
            : t('viewer_import_invalid_at', outcome.name, v.firstBadSeq)}
      </p>
      <p class="small">{v.valid ? t('viewer_import_valid_explain') : t('viewer_import_invalid_explain')}</p>
      {!v.valid && v.reason ? <p class="small mono">{t('viewer_import_reason', v.reason)}</p> : null}
    </div>
  );
}
