// suggest.list: ranks the phrase library for the tab's conversation (or a given transcript).
import browser from '../../lib/browser';
import type { Locale } from '../../lib/messages';
import { suggest } from '../../lib/suggest/rank';
import { lastEntries } from '../../lib/store/entries';
import { getProfile } from '../../lib/store/profile';
import { getSettings } from '../../lib/store/settings';
import { getDb } from '../db';
import { sessionOfTab } from '../tab-sessions';
import { messagesOf } from '../transcript';
import { allPhrases } from '../phrase-library';
import type { Handlers } from '../router';

/** The interface language: the setting, else the browser's, else English. */
export async function preferredLocale(): Promise<Locale> {
  const settings = await getSettings(await getDb());
  if (settings.language !== 'auto') return settings.language;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const suggestHandlers: Pick<Handlers, 'suggest.list'> = {
  async 'suggest.list'(req, ctx) {
    const db = await getDb();
    let transcript = req.transcript;
    const tabId = req.tabId ?? (ctx.fromContentScript ? ctx.senderTabId : null);
    if (!transcript && tabId !== null) {
      const sessionId = await sessionOfTab(tabId);
      transcript = sessionId ? messagesOf(await lastEntries(db, sessionId, 60)) : [];
    }
    const [phrases, profile, locale] = await Promise.all([allPhrases(db), getProfile(db), req.locale ?? preferredLocale()]);
    return suggest({ phrases, transcript: transcript ?? [], profile, locale, limit: req.limit ?? 5, query: req.query });
  },
};
