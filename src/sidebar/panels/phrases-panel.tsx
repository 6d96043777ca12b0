// Phrases: the library of one language, searchable and filterable by stage; the user
// adds, edits (a builtin phrase gets the user's own replacing copy), deletes and pins
// phrases, and moves their own phrases in and out as a JSON file.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/messages';
import { LOCALES } from '../../lib/i18n';
import { STAGES, type Phrase, type Stage } from '../../lib/suggest/types';
import { api } from '../../ui/api';
import { downloadJson } from '../../ui/download';
import { useI18n } from '../../ui/i18n-context';
import { ConfirmBar } from '../components/confirm-bar';
import { FlashLine } from '../components/flash-line';
import { useFlash } from '../hooks/use-flash';
import { editedPhrase, filterPhrases, importPlan, newPhraseId, parsePhrasesFile, phrasesFile } from '../logic/phrases-file';
import { stageKey } from '../logic/stage-key';
import { PhraseEditor, type PhraseDraft } from './phrases/phrase-editor';
import { PhraseItem } from './phrases/phrase-item';

type Pending = { kind: 'delete'; phrase: Phrase } | { kind: 'import'; phrases: Phrase[]; skipped: number; added: number; replaced: number };

async function allUserPhrases(): Promise<Phrase[]> {
  const lists = await Promise.all(LOCALES.map((locale) => api('phrases.list', { locale })));
  return lists.flatMap((r) => r.phrases).filter((p) => p.origin === 'user');
}

export function PhrasesPanel() {
  const { t, locale: uiLocale } = useI18n();
  const [locale, setLocale] = useState<Locale>(uiLocale);
  // The page's language may arrive after the first paint (settings.get): follow it.
  useEffect(() => setLocale(uiLocale), [uiLocale]);
  const [phrases, setPhrases] = useState<Phrase[] | null>(null);
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [flash, showFlash] = useFlash();
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const r = await api('phrases.list', { locale });
      setPhrases(r.phrases);
    } catch (err) {
      showFlash(t('sidebar_action_failed', (err as Error).message), 'error');
    }
  }, [locale, showFlash, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      showFlash(done);
      await load();
    } catch (err) {
      showFlash(t('sidebar_action_failed', (err as Error).message), 'error');
    }
  };

  const saveEdit = (original: Phrase | null, d: PhraseDraft) => {
    const phrase = original
      ? editedPhrase(original, d, newPhraseId, new Date())
      : { id: newPhraseId(), stage: d.stage, locale, text: d.text, origin: 'user' as const, updatedAt: new Date().toISOString() };
    setEditing(null);
    void act(() => api('phrases.save', { phrase }), t('sidebar_phrase_saved'));
  };

  // Pinning changes nothing else, so a builtin phrase is pinned in place (no copy of the user's).
  const togglePin = (p: Phrase) => void act(() => api('phrases.save', { phrase: { ...p, pinned: !p.pinned } }), t(p.pinned ? 'sidebar_phrase_unpinned' : 'sidebar_phrase_pinned'));

  const exportFile = () =>
    void allUserPhrases()
      .then((mine) => {
        if (mine.length === 0) return showFlash(t('sidebar_export_none'), 'warn');
        downloadJson(`chat-evidence-phrases-${new Date().toISOString().slice(0, 10)}.json`, phrasesFile(mine, new Date()));
        showFlash(t('sidebar_export_done', mine.length));
      })
      .catch((err: Error) => showFlash(t('sidebar_action_failed', err.message), 'error'));

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = parsePhrasesFile(await file.text(), newPhraseId);
    if (!parsed.ok) return showFlash(t(`sidebar_import_error_${parsed.error}`), 'error');
    try {
      const plan = importPlan(parsed.phrases, await allUserPhrases());
      setPending({ kind: 'import', phrases: parsed.phrases, skipped: parsed.skipped, ...plan });
    } catch (err) {
      showFlash(t('sidebar_action_failed', (err as Error).message), 'error');
    }
  };

  const confirmPending = () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    if (p.kind === 'delete') void act(() => api('phrases.delete', { id: p.phrase.id }), t('sidebar_phrase_deleted'));
    else
      void act(async () => {
        for (const phrase of p.phrases) await api('phrases.save', { phrase });
      }, t('sidebar_import_done', p.phrases.length, p.skipped));
  };

  const shown = phrases ? filterPhrases(phrases, { query, stage }) : [];

  return (
    <div class="stack phrases-panel">
      <div class="form-grid">
        <div class="field">
          <label for="phrases-locale">{t('sidebar_phrases_language')}</label>
          <select id="phrases-locale" value={locale} onChange={(e) => setLocale((e.currentTarget as HTMLSelectElement).value as Locale)}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </div>
        <div class="field">
          <label for="phrases-stage">{t('sidebar_phrase_stage')}</label>
          <select id="phrases-stage" value={stage} onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value as Stage | '')}>
            <option value="">{t('sidebar_phrases_all_stages')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(stageKey(s))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label class="visually-hidden" for="phrases-query">
          {t('sidebar_phrases_search')}
        </label>
        <input id="phrases-query" type="search" class="full" value={query} placeholder={t('sidebar_phrases_search')} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="row">
        <button type="button" class="btn btn-primary btn-sm add-phrase" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          {t('sidebar_phrase_add')}
        </button>
        <span class="spacer" />
        <button type="button" class="btn btn-sm export-phrases" onClick={exportFile}>
          {t('sidebar_export')}
        </button>
        <button type="button" class="btn btn-sm import-phrases" onClick={() => fileInput.current?.click()}>
          {t('sidebar_import')}
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" class="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onFile(e)} />
      </div>
      {pending ? (
        <ConfirmBar
          question={pending.kind === 'delete' ? t('sidebar_phrase_delete_confirm') : t('sidebar_import_confirm', pending.added, pending.replaced)}
          confirmLabel={pending.kind === 'delete' ? t('sidebar_phrase_delete') : t('sidebar_import')}
          danger={pending.kind === 'delete' || pending.replaced > 0}
          onConfirm={confirmPending}
          onCancel={() => setPending(null)}
        />
      ) : null}
      <FlashLine flash={flash} />
      {editing === 'new' ? (
        <div class="card">
          <PhraseEditor idPrefix="new-phrase" initial={{ stage: stage || 'open', text: '' }} onSave={(d) => saveEdit(null, d)} onCancel={() => setEditing(null)} />
        </div>
      ) : null}
      {phrases === null ? <p class="empty">{t('sidebar_loading')}</p> : null}
      {phrases !== null && shown.length === 0 ? <p class="empty">{t('sidebar_phrases_none')}</p> : null}
      <p class="small muted" aria-live="polite">
        {phrases ? t('sidebar_phrases_count', shown.length, phrases.length) : ''}
      </p>
      <ul class="list stack phrase-list">
        {shown.map((p) =>
          editing === p.id ? (
            <li key={p.id} class="card">
              <PhraseEditor idPrefix={`edit-${p.id}`} initial={{ stage: p.stage, text: p.text }} onSave={(d) => saveEdit(p, d)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <PhraseItem key={p.id} phrase={p} onPin={() => togglePin(p)} onEdit={() => setEditing(p.id)} onDelete={() => setPending({ kind: 'delete', phrase: p })} />
          ),
        )}
      </ul>
    </div>
  );
}
