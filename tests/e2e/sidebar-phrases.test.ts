// The Phrases panel end to end: add, edit, pin and delete one's own phrases; export
// them and import a file after a confirmation.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './support/browser';
import { startFixtureServer } from './support/server';
import { openWithSidebar, showPanel, type SidebarTab } from './sidebar-helpers';

interface Phrase {
  id: string;
  text: string;
  stage: string;
  locale: string;
  origin: string;
  pinned?: boolean;
  replaces?: string;
}

let b: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let tab: SidebarTab;

const userPhrases = async (locale: string) => (await b.api<{ phrases: Phrase[] }>({ type: 'phrases.list', locale })).phrases.filter((p) => p.origin === 'user');

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ locale: 'en-US' });
  await b.api({ type: 'settings.set', settings: { language: 'en', theme: 'light' } });
  tab = await openWithSidebar(b, `${server.origin}/demo/chat.html?lang=en&delay=0`);
  await showPanel(tab.frame, 'phrases');
  await tab.frame.selectOption('#phrases-locale', 'en');
  await tab.frame.waitForSelector('.phrase');
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

test('a builtin phrase is pinned in place', async () => {
  const { frame } = tab;
  const id = await frame.$eval('.phrase[data-origin="builtin"]:nth-child(3)', (el) => el.getAttribute('data-id')!);
  await frame.click(`.phrase[data-id="${id}"] button.pin`);
  await waitFor(() => frame.$eval('.phrase-list > li', (el) => el.getAttribute('data-id')).then((first) => first === id), { what: 'pinned builtin first' });
  expect(await userPhrases('en')).toEqual([]);
  await frame.click(`.phrase[data-id="${id}"] button.pin`);
  await waitFor(() => frame.$eval(`.phrase[data-id="${id}"] button.pin`, (el) => el.getAttribute('aria-pressed') === 'false'), { what: 'unpinned' });
});

test('add, edit, pin and delete a phrase of one’s own', async () => {
  const { frame } = tab;
  await frame.click('button.add-phrase');
  await frame.selectOption('#new-phrase-stage', 'persist');
  await frame.fill('#new-phrase-text', 'Could a supervisor review my case, please? ');
  await frame.click('.phrase-editor button:has-text("{amount}")');
  await frame.click('.phrase-editor button.save-phrase');
  const [added] = await waitFor(async () => {
    const mine = await userPhrases('en');
    return mine.length === 1 ? mine : null;
  }, { what: 'the new phrase saved' });
  expect(added).toMatchObject({ stage: 'persist', locale: 'en', text: 'Could a supervisor review my case, please? {amount}' });

  const row = `.phrase[data-id="${added.id}"]`;
  await frame.click(`${row} button.edit`);
  await frame.fill(`#edit-${added.id}-text`, 'Could a supervisor review my case?');
  await frame.click('.phrase-editor button.save-phrase');
  await waitFor(async () => (await userPhrases('en'))[0]?.text === 'Could a supervisor review my case?', { what: 'the edit saved' });

  await frame.click(`${row} button.pin`);
  await waitFor(async () => (await userPhrases('en'))[0]?.pinned === true, { what: 'pinned' });
  // Pinned phrases come first in the list.
  await waitFor(() => frame.$eval('.phrase-list > li', (el) => el.getAttribute('data-id')).then((id) => id === added.id), { what: 'pinned phrase first' });

  await frame.click(`${row} button.delete`);
  await frame.click('.confirm-bar button.btn-danger');
  await waitFor(async () => (await userPhrases('en')).length === 0, { what: 'deleted' });
});

test('editing a builtin phrase keeps it and adds the user’s replacing copy', async () => {
  const { frame } = tab;
  const builtinId = await frame.$eval('.phrase[data-origin="builtin"]', (el) => el.getAttribute('data-id')!);
  await frame.click(`.phrase[data-id="${builtinId}"] button.edit`);
  await frame.fill(`#edit-${builtinId}-text`, 'My own opening line.');
  await frame.click('.phrase-editor button.save-phrase');
  const [copy] = await waitFor(async () => {
    const mine = await userPhrases('en');
    return mine.length === 1 ? mine : null;
  }, { what: 'the replacing copy' });
  expect(copy).toMatchObject({ replaces: builtinId, text: 'My own opening line.' });
  await b.api({ type: 'phrases.delete', id: copy.id });
});

test('export downloads the user’s phrases; import asks before overwriting and saves valid phrases', async () => {
  const { frame, page } = tab;
  const saved = await b.api<{ phrase: Phrase }>({ type: 'phrases.save', phrase: { id: 'x', stage: 'closing', locale: 'zh-CN', text: '谢谢，再见。', origin: 'user' } });
  const keepId = saved.phrase.id;
  await frame.selectOption('#phrases-locale', 'zh-CN');
  const [download] = await Promise.all([page.waitForEvent('download'), frame.click('button.export-phrases')]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(exported.format).toBe('chat-evidence-phrases');
  expect(exported.phrases.map((p: Phrase) => p.id)).toEqual([keepId]);

  const dir = await mkdtemp(join(tmpdir(), 'phrases-'));
  const file = join(dir, 'phrases.json');
  await writeFile(
    file,
    JSON.stringify({
      ...exported,
      phrases: [
        { id: keepId, stage: 'closing', locale: 'zh-CN', text: '非常感谢，再见。' },
        { id: 'user-new', stage: 'persist', locale: 'en', text: 'Is there anything else you can offer?' },
        { stage: 'nonsense', locale: 'en', text: 'skipped' },
      ],
    }),
  );
  await frame.setInputFiles('input[type="file"]', file);
  const question = await frame.waitForSelector('.confirm-bar');
  expect(await question.textContent()).toContain('1 new, 1 overwriting');
  await frame.click('.confirm-bar button.btn-danger');
  await frame.waitForSelector('.flash-ok');
  expect((await userPhrases('zh-CN')).map((p) => p.text)).toEqual(['非常感谢，再见。']);
  expect((await userPhrases('en')).map((p) => p.text)).toEqual(['Is there anything else you can offer?']);
});

test('a bad file is refused with a message', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'phrases-'));
  const file = join(dir, 'bad.json');
  await writeFile(file, '{ not json');
  await tab.frame.setInputFiles('input[type="file"]', file);
  await tab.frame.waitForSelector('.flash-error');
});
