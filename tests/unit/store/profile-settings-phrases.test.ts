import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/lib/settings';
import type { Phrase } from '../../../src/lib/suggest/types';
import { deletePhrase, listPhrases, savePhrase, seedBuiltinPhrases } from '../../../src/lib/store/phrases';
import { getProfile, setProfile } from '../../../src/lib/store/profile';
import { getSettings, setSettings } from '../../../src/lib/store/settings';
import { freshDb } from './helpers';

describe('profile', () => {
  it('is empty at first and stores a normalised profile', async () => {
    const { db } = await freshDb();
    expect((await getProfile(db)).name).toBe('');
    const stored = await setProfile(db, { name: '  张三 ', amount: '3200', evil: '<script>', phone: 42 });
    expect(stored).toMatchObject({ name: '张三', amount: '3200', phone: '' });
    expect(stored).not.toHaveProperty('evil');
    expect(await getProfile(db)).toEqual(stored);
  });
});

describe('settings', () => {
  it('starts at the defaults and merges updates', async () => {
    const { db } = await freshDb();
    expect(await getSettings(db)).toEqual(defaultSettings());
    const next = await setSettings(db, { theme: 'dark', language: 'klingon' });
    expect(next).toMatchObject({ theme: 'dark', language: 'auto' });
    await setSettings(db, { showLauncher: false });
    expect(await getSettings(db)).toMatchObject({ theme: 'dark', showLauncher: false });
  });
});

describe('phrases', () => {
  const builtin = (id: string, locale: 'en' | 'zh-CN', text: string): Phrase => ({ id, stage: 'open', locale, text, origin: 'builtin' });

  it('saves, lists by locale and deletes', async () => {
    const { db } = await freshDb();
    await savePhrase(db, { id: 'u1', stage: 'closing', locale: 'en', text: 'Thanks', origin: 'user' });
    await savePhrase(db, { id: 'u2', stage: 'closing', locale: 'zh-CN', text: '谢谢', origin: 'user' });
    expect((await listPhrases(db, 'zh-CN')).map((p) => p.id)).toEqual(['u2']);
    expect(await listPhrases(db)).toHaveLength(2);
    await deletePhrase(db, 'u1');
    expect((await listPhrases(db)).map((p) => p.id)).toEqual(['u2']);
  });

  it('seeding upserts builtin phrases, removes dropped ones and never touches user phrases', async () => {
    const { db } = await freshDb();
    await seedBuiltinPhrases(db, [builtin('b1', 'en', 'Hello'), builtin('b2', 'en', 'Hi'), builtin('b3', 'zh-CN', '您好')]);
    await savePhrase(db, { ...builtin('b1', 'en', 'Hello'), pinned: true });
    await savePhrase(db, { id: 'mine', stage: 'open', locale: 'en', text: 'My own', origin: 'user', replaces: 'b2' });
    await savePhrase(db, { id: 'clash', stage: 'open', locale: 'en', text: 'User text', origin: 'user' });

    const r = await seedBuiltinPhrases(db, [builtin('b1', 'en', 'Hello there'), builtin('b3', 'zh-CN', '您好！'), builtin('clash', 'en', 'Shipped')]);
    expect(r).toEqual({ upserted: 2, removed: 1 });
    const byId = Object.fromEntries((await listPhrases(db)).map((p) => [p.id, p]));
    expect(Object.keys(byId).sort()).toEqual(['b1', 'b3', 'clash', 'mine']);
    expect(byId.b1).toMatchObject({ text: 'Hello there', pinned: true, origin: 'builtin' });
    expect(byId.b3.text).toBe('您好！');
    expect(byId.mine).toMatchObject({ text: 'My own', origin: 'user' });
    expect(byId.clash).toMatchObject({ text: 'User text', origin: 'user' });
  });
});
