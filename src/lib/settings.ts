// User settings kept by the background in the store's settings object store.

export type LanguageSetting = 'auto' | 'zh-CN' | 'en';
export type ThemeSetting = 'auto' | 'light' | 'dark';

export interface Settings {
  language: LanguageSetting;
  theme: ThemeSetting;
  /** Host names (or suffixes) where capture starts by itself. */
  autoStartSites: string[];
  /** Key combination that opens quick insert inside a chat box, e.g. "Alt+Q". */
  quickInsertShortcut: string;
  /** Whether the small in-page launcher button is shown. */
  showLauncher: boolean;
  /** Per-site chat area picked by the user: host → CSS selector. */
  pickedChatAreas: Record<string, string>;
}

export const DEFAULT_AUTO_START_SITES = [
  'cs.alipay.com',
  'csmobile.alipay.com',
  'kefu.95516.com',
  'cs.icbc.com.cn',
  'cs.cmbchina.com',
  'kefu.ccb.com',
  'chat.jd.com',
  'kefu.meituan.com',
  'secure.chase.com',
  'chat.klarna.com',
  'paypal.com/smarthelp',
];

export function defaultSettings(): Settings {
  return {
    language: 'auto',
    theme: 'auto',
    autoStartSites: [...DEFAULT_AUTO_START_SITES],
    quickInsertShortcut: 'Alt+Q',
    showLauncher: true,
    pickedChatAreas: {},
  };
}

/** Merges a partial, possibly hostile update into settings, keeping only well-typed fields. */
export function mergeSettings(base: Settings, patch: unknown): Settings {
  const out: Settings = { ...base, autoStartSites: [...base.autoStartSites], pickedChatAreas: { ...base.pickedChatAreas } };
  if (!patch || typeof patch !== 'object') return out;
  const p = patch as Record<string, unknown>;
  if (p.language === 'auto' || p.language === 'zh-CN' || p.language === 'en') out.language = p.language;
  if (p.theme === 'auto' || p.theme === 'light' || p.theme === 'dark') out.theme = p.theme;
  if (Array.isArray(p.autoStartSites))
    out.autoStartSites = p.autoStartSites.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim().toLowerCase());
  if (typeof p.quickInsertShortcut === 'string' && p.quickInsertShortcut.trim()) out.quickInsertShortcut = p.quickInsertShortcut.trim();
  if (typeof p.showLauncher === 'boolean') out.showLauncher = p.showLauncher;
  if (p.pickedChatAreas && typeof p.pickedChatAreas === 'object') {
    for (const [k, v] of Object.entries(p.pickedChatAreas as Record<string, unknown>)) if (typeof v === 'string') out.pickedChatAreas[k] = v;
  }
  return out;
}
