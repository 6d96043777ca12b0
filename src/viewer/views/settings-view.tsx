// Settings (viewer.html#settings, also the extension's options page): language,
// theme, auto-start sites, the quick-insert shortcut, the in-page launcher.
// Every change is saved at once through settings.set.
import { useState } from 'preact/hooks';
import { DEFAULT_AUTO_START_SITES, type LanguageSetting, type Settings, type ThemeSetting } from '../../lib/settings';
import { ErrorNotice } from '../../ui/components/error-notice';
import { useI18n } from '../../ui/i18n-context';
import { useSettings } from '../../ui/ui-root';
import { ShortcutInput } from '../components/shortcut-input';
import { SiteListEditor } from '../components/site-list-editor';

const LANGUAGES: { value: LanguageSetting; key: string }[] = [
  { value: 'auto', key: 'settings_language_auto' },
  { value: 'zh-CN', key: 'settings_language_zh' },
  { value: 'en', key: 'settings_language_en' },
];
const THEMES: { value: ThemeSetting; key: string }[] = [
  { value: 'auto', key: 'settings_theme_auto' },
  { value: 'light', key: 'settings_theme_light' },
  { value: 'dark', key: 'settings_theme_dark' },
];

function Choice<V extends string>({ name, legend, options, value, onChange }: { name: string; legend: string; options: { value: V; key: string }[]; value: V; onChange(v: V): void }) {
  const { t } = useI18n();
  return (
    <fieldset class="card choice">
      <legend class="card-title">{legend}</legend>
      <div class="row">
        {options.map((o) => (
          <label key={o.value} class="check choice-option">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{t(o.key)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SettingsView() {
  const { t } = useI18n();
  const { settings, update } = useSettings();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(0);

  const save = async (patch: Partial<Settings>) => {
    setError(null);
    try {
      await update(patch);
      setSaved((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section class="stack settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settings_heading')}</h1>
      <ErrorNotice error={error} />
      {!settings ? (
        <p class="muted">{t('common_loading')}</p>
      ) : (
        <>
          <Choice name="language" legend={t('settings_language')} options={LANGUAGES} value={settings.language} onChange={(v) => save({ language: v })} />
          <Choice name="theme" legend={t('settings_theme')} options={THEMES} value={settings.theme} onChange={(v) => save({ theme: v })} />
          <section class="card stack" aria-labelledby="sites-heading">
            <h2 id="sites-heading" class="card-title">
              {t('settings_sites')}
            </h2>
            <p class="small muted">{t('settings_sites_help')}</p>
            <SiteListEditor
              sites={settings.autoStartSites}
              onChange={(sites) => save({ autoStartSites: sites })}
              onReset={() => save({ autoStartSites: [...DEFAULT_AUTO_START_SITES] })}
            />
          </section>
          <section class="card stack" aria-labelledby="shortcut-heading">
            <h2 id="shortcut-heading" class="card-title">
              {t('settings_shortcut')}
            </h2>
            <div class="field">
              <label for="shortcut">{t('settings_shortcut_label')}</label>
              <ShortcutInput id="shortcut" value={settings.quickInsertShortcut} onChange={(v) => save({ quickInsertShortcut: v })} />
              <p id="shortcut-help" class="small muted">
                {t('settings_shortcut_help')}
              </p>
            </div>
          </section>
          <section class="card stack" aria-labelledby="launcher-heading">
            <h2 id="launcher-heading" class="card-title">
              {t('settings_launcher')}
            </h2>
            <label class="check">
              <input type="checkbox" checked={settings.showLauncher} onChange={(e) => save({ showLauncher: e.currentTarget.checked })} />
              <span>{t('settings_launcher_label')}</span>
            </label>
          </section>
        </>
      )}
      <p class="small muted" role="status" aria-live="polite">
        {saved > 0 ? t('settings_saved') : ''}
      </p>
    </section>
  );
}
