// Suggest: what stage the conversation is in, the best replies for the agent's latest
// turn with their fill-in fields inline, a search box, and one click to put a reply
// into the page's chat box (copy to clipboard when the page does not take it).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, type Suggestion } from '../../lib/messages';
import type { Profile, ProfileField } from '../../lib/profile';
import { api } from '../../ui/api';
import { useI18n } from '../../ui/i18n-context';
import { FillInText } from '../components/fill-in-text';
import { FlashLine } from '../components/flash-line';
import { useFlash } from '../hooks/use-flash';
import { copyText } from '../logic/clipboard';
import { stageKey } from '../logic/stage-key';
import { suggestionParts, suggestionText } from '../logic/suggestion-parts';

const DEBOUNCE_MS = 250;

export interface SuggestPanelProps {
  tabId: number;
  profile: Profile;
  saveProfile(profile: Profile): Promise<void>;
  /** Changes when the agent's turn changes (a new agent message or edit). */
  agentTurn: number | null;
}

export function SuggestPanel({ tabId, profile, saveProfile, agentTurn }: SuggestPanelProps) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [stages, setStages] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [flash, showFlash] = useFlash();

  useEffect(() => {
    const id = setTimeout(() => setDebounced(query.trim()), DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [query]);

  useEffect(() => {
    let live = true;
    api('suggest.list', { tabId, limit: 5, locale, ...(debounced ? { query: debounced } : {}) })
      .then((r) => {
        if (!live) return;
        setSuggestions(r.suggestions);
        setStages(r.stages ?? []);
        setLoadError(null);
      })
      .catch((err: Error) => live && setLoadError(err.message));
    return () => {
      live = false;
    };
    // The profile is not a dependency: suggestions are re-filled locally from it.
  }, [tabId, locale, debounced, agentTurn]);

  const fill = useCallback((field: ProfileField, value: string) => saveProfile({ ...profile, [field]: value }), [profile, saveProfile]);

  const insert = async (text: string) => {
    try {
      await api('compose.insert', { tabId, text });
      showFlash(t('sidebar_inserted'));
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'not-accepted' || err.code === 'no-input')) {
        const copied = await copyText(text);
        showFlash(t(err.code === 'no-input' ? 'sidebar_no_input' : 'sidebar_not_accepted') + ' ' + t(copied ? 'sidebar_copied_instead' : 'sidebar_copy_failed'), 'warn');
      } else {
        showFlash(t('sidebar_insert_failed', (err as Error).message), 'error');
      }
    }
  };

  const copy = async (text: string) => showFlash(t((await copyText(text)) ? 'sidebar_copied' : 'sidebar_copy_failed'), 'ok');

  return (
    <div class="stack suggest-panel">
      <div class="stage-line" aria-live="polite">
        <span class="muted small">{t('sidebar_stage_now')}</span>{' '}
        {stages.length ? (
          stages.slice(0, 3).map((s, i) => (
            <span key={s} class={`badge stage-badge${i === 0 ? ' is-top' : ''}`} data-stage={s}>
              {t(stageKey(s))}
            </span>
          ))
        ) : (
          <span class="badge badge-muted">{t('sidebar_stage_unknown')}</span>
        )}
      </div>
      <div class="search">
        <label class="visually-hidden" for="suggest-query">
          {t('sidebar_search_label')}
        </label>
        <input id="suggest-query" type="search" value={query} placeholder={t('sidebar_search_placeholder')} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <FlashLine flash={flash} />
      {loadError ? <p class="notice notice-error">{t('sidebar_suggest_failed', loadError)}</p> : null}
      {suggestions === null && !loadError ? <p class="empty">{t('sidebar_loading')}</p> : null}
      {suggestions?.length === 0 ? <p class="empty">{t(debounced ? 'sidebar_suggest_none_query' : 'sidebar_suggest_none')}</p> : null}
      <ul class="list stack suggestions" aria-label={t('sidebar_suggestions')}>
        {suggestions?.map((s) => {
          const { text, missing } = suggestionText(s, profile, locale);
          return (
            <li key={s.id} class="card suggestion" data-id={s.id} data-stage={s.stage}>
              <div class="row suggestion-head">
                <span class="badge badge-muted">{t(stageKey(s.stage))}</span>
                {s.pinned ? <span class="badge">{t('sidebar_pinned')}</span> : null}
                {missing.length ? <span class="badge badge-warn">{t('sidebar_to_fill', missing.length)}</span> : null}
              </div>
              <p class="suggestion-text">
                <FillInText parts={suggestionParts(s, profile, locale)} values={profile} onFill={fill} />
              </p>
              <div class="row">
                <button type="button" class="btn btn-primary btn-sm insert" onClick={() => void insert(text)}>
                  {t('sidebar_insert')}
                </button>
                <button type="button" class="btn btn-sm copy" onClick={() => void copy(text)}>
                  {t('sidebar_copy')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p class="small muted">{t('sidebar_never_sends')}</p>
    </div>
  );
}
