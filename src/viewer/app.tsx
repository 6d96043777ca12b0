// The viewer: a header with the pages (sessions, verify a file, settings) and
// the page the hash names. Each page fetches its own data.
import { LegalNotice } from '../ui/components/legal-notice';
import { useI18n } from '../ui/i18n-context';
import { useRoute } from './use-route';
import { ImportView } from './views/import-view';
import { SessionDetail } from './views/session-detail';
import { SessionList } from './views/session-list';
import { SettingsView } from './views/settings-view';

export function ViewerApp() {
  const { t } = useI18n();
  const route = useRoute();
  const current = (page: string) => (route.page === page || (page === 'list' && route.page === 'session') ? 'page' : undefined);
  return (
    <div class="viewer">
      <header class="viewer-head">
        <div class="viewer-head-inner row">
          <a class="viewer-brand row" href="#">
            <img src="icons/icon-32.png" alt="" width={24} height={24} />
            <span>{t('common_app_name')}</span>
          </a>
          <span class="spacer" />
          <nav aria-label={t('viewer_nav_label')}>
            <ul class="list row viewer-nav">
              <li>
                <a href="#" aria-current={current('list')}>
                  {t('viewer_nav_sessions')}
                </a>
              </li>
              <li>
                <a href="#import" aria-current={current('import')}>
                  {t('viewer_nav_import')}
                </a>
              </li>
              <li>
                <a href="#settings" aria-current={current('settings')}>
                  {t('viewer_nav_settings')}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main class="viewer-main stack" id="main">
        {route.page === 'session' ? (
          <SessionDetail key={route.sessionId} sessionId={route.sessionId} />
        ) : route.page === 'settings' ? (
          <SettingsView />
        ) : route.page === 'import' ? (
          <ImportView />
        ) : (
          <SessionList />
        )}
      </main>
      <footer class="viewer-foot">
        <LegalNotice />
      </footer>
    </div>
  );
}
