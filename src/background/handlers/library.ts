// Handlers of the person's own data: case profile, phrases and settings (and the look of the
// content script's pieces in pages, which follows the settings).
import { ApiError } from '../../lib/messages';
import { getProfile, setProfile } from '../../lib/store/profile';
import { deletePhrase, listPhrases, savePhrase } from '../../lib/store/phrases';
import { getSettings, setSettings } from '../../lib/store/settings';
import { STAGES, type Phrase, type Stage } from '../../lib/suggest/types';
import { getDb } from '../db';
import { pageLook, sendPageLookToTabs } from '../page-look';
import { allPhrases } from '../phrase-library';
import type { Handlers } from '../router';

export const libraryHandlers: Pick<
  Handlers,
  'profile.get' | 'profile.set' | 'phrases.list' | 'phrases.save' | 'phrases.delete' | 'settings.get' | 'settings.set' | 'content.look'
> = {
  async 'profile.get'() {
    return { profile: await getProfile(await getDb()) };
  },
  async 'profile.set'(req) {
    await setProfile(await getDb(), req.profile);
    return {};
  },
  async 'phrases.list'(req) {
    const db = await getDb();
    const phrases = await allPhrases(db);
    return { phrases: req.locale ? phrases.filter((p) => p.locale === req.locale) : phrases };
  },
  async 'phrases.save'(req) {
    const p = req.phrase;
    if (!STAGES.includes(p.stage as Stage)) throw new ApiError('bad-request', `phrases.save: unknown stage "${p.stage}"`);
    const db = await getDb();
    const existing = typeof p.id === 'string' ? (await listPhrases(db)).find((x) => x.id === p.id) : undefined;
    // A builtin phrase is never edited in place: the person's version is their own phrase that replaces it.
    const editsBuiltin = existing?.origin === 'builtin' && p.text.trim() !== existing.text;
    const phrase: Phrase = {
      id: existing && !editsBuiltin ? existing.id : `user-${crypto.randomUUID()}`,
      stage: p.stage,
      locale: p.locale,
      text: p.text.trim(),
      origin: existing && !editsBuiltin ? existing.origin : 'user',
      pinned: p.pinned === true,
      ...(editsBuiltin ? { replaces: existing!.id } : p.replaces ? { replaces: p.replaces } : {}),
      updatedAt: new Date().toISOString(),
    };
    return { phrase: await savePhrase(db, phrase) };
  },
  async 'phrases.delete'(req) {
    const db = await getDb();
    const existing = (await listPhrases(db)).find((x) => x.id === req.id);
    if (!existing) throw new ApiError('not-found', `phrase ${req.id} not found`);
    if (existing.origin === 'builtin') throw new ApiError('builtin-phrase', 'a shipped phrase cannot be deleted; unpin it or add your own instead');
    await deletePhrase(db, req.id);
    return {};
  },
  async 'settings.get'() {
    return { settings: await getSettings(await getDb()) };
  },
  async 'settings.set'(req) {
    const settings = await setSettings(await getDb(), req.settings);
    // Open pages follow at once; the reply does not wait for every tab.
    sendPageLookToTabs(settings).catch(() => undefined);
    return { settings };
  },
  async 'content.look'() {
    return { look: await pageLook(await getSettings(await getDb())) };
  },
};
