// The sidebar: a header (title, recording state, language), four panel tabs
// (Suggest, Transcript, Case, Phrases) and the panels, all kept mounted so a
// half-written note or form survives switching tabs.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../ui/i18n-context';
import { useSettings } from '../ui/ui-root';
import { TabBar, type TabDef } from './components/tab-bar';
import { useProfile } from './hooks/use-profile';
import { useTabId } from './hooks/use-tab-id';
import { useTabSession } from './hooks/use-tab-session';
import { lastAgentTurn } from './logic/entries';
import { CasePanel } from './panels/case-panel';
import { PhrasesPanel } from './panels/phrases-panel';
import { SuggestPanel } from './panels/suggest-panel';
import { TranscriptPanel } from './panels/transcript-panel';

type PanelId = 'suggest' | 'transcript' | 'case' | 'phrases';
const PANELS: PanelId[] = ['suggest', 'transcript', 'case', 'phrases'];
const TAB_KEY = 'chat-evidence.sidebar-tab';

function initialPanel(): PanelId {
  const fromUrl = new URLSearchParams(location.search).get('panel');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(TAB_KEY);
  } catch {
    // No storage (partitioned or disabled): start on Suggest.
  }
  const wanted = fromUrl ?? stored;
  return PANELS.includes(wanted as PanelId) ? (wanted as PanelId) : 'suggest';
}

function LanguageSwitch() {
  const { t, locale } = useI18n();
  const { update } = useSettings();
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" class="btn btn-quiet btn-sm lang-switch" lang={other} title={t('sidebar_switch_language')} onClick={() => void update({ language: other }).catch(() => undefined)}>
      {other === 'en' ? 'EN' : '中文'}
    </button>
  );
}

export function SidebarApp() {
  const { t } = useI18n();
  const tabId = useTabId();
  const [panel, setPanel] = useState<PanelId>(initialPanel);
  const profile = useProfile();
  const session = useTabSession(tabId ?? null);

  useEffect(() => {
    try {
      localStorage.setItem(TAB_KEY, panel);
    } catch {
      // Remembering the tab is a nicety.
    }
  }, [panel]);

  // The panels share one scrolling body: each keeps its own scroll position.
  const body = useRef<HTMLElement>(null);
  const scrollTops = useRef<Partial<Record<PanelId, number>>>({});
  const select = (next: PanelId) => {
    if (body.current) scrollTops.current[panel] = body.current.scrollTop;
    setPanel(next);
  };
  useLayoutEffect(() => {
    if (body.current) body.current.scrollTop = scrollTops.current[panel] ?? 0;
  }, [panel]);

  const tabs: TabDef<PanelId>[] = PANELS.map((id) => ({ id, label: t(`sidebar_tab_${id}`) }));

  return (
    <div class="sb">
      <header class="sb-header">
        <div class="sb-head">
          <h1 class="sb-title">{t('sidebar_title')}</h1>
          <span class="spacer" />
          {session.capturing ? (
            <span class="sb-rec small" title={t('sidebar_entry_count', session.count)}>
              <span class="rec-dot is-live" aria-hidden="true" />
              <span>{t('sidebar_rec_short', session.count)}</span>
            </span>
          ) : null}
          <LanguageSwitch />
        </div>
        <TabBar<PanelId> tabs={tabs} active={panel} onSelect={select} label={t('sidebar_tabs_label')} />
      </header>
      <main class="sb-body" ref={body}>
        {tabId === undefined ? <p class="empty">{t('sidebar_loading')}</p> : null}
        {tabId === null ? <p class="notice">{t('sidebar_no_tab')}</p> : null}
        {typeof tabId === 'number'
          ? PANELS.map((id) => (
              <section key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} class={`sb-panel sb-panel-${id}`} hidden={panel !== id}>
                {id === 'suggest' ? <SuggestPanel tabId={tabId} profile={profile.profile} saveProfile={profile.save} agentTurn={lastAgentTurn(session.entries)} /> : null}
                {id === 'transcript' ? <TranscriptPanel tabId={tabId} session={session} active={panel === 'transcript'} /> : null}
                {id === 'case' ? <CasePanel profile={profile} session={session} /> : null}
                {id === 'phrases' ? <PhrasesPanel /> : null}
              </section>
            ))
          : null}
      </main>
    </div>
  );
}
