// The viewer's pages pass axe-core (WCAG A/AA rules, colour contrast included)
// in both languages and both themes: the list, a session, a verdict, settings.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';
import { axeViolations, openExtensionPage, recordDemoSession, setLook, ZH_LINES } from './support/ui-pages';

let b: ExtensionBrowser;
let server: FixtureServer;
let sessionId: string;
let tampered: string;

useExtensionAndFixtures(async (env) => {
  ({ b, server } = env);
  const rec = await recordDemoSession(b, server.origin, 'zh', ZH_LINES);
  sessionId = rec.sessionId;
  await b.api({ type: 'capture.stop', tabId: rec.chat.tabId });
  tampered = await readFile(resolve(__dirname, '../fixtures/case-files/tampered-text.json'), 'utf8');
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
] as const)('viewer in %s, %s theme', (language, theme) => {
  test('list, session, import verdict and settings have no axe violations', { timeout: 120_000 }, async () => {
    await setLook(b, language, theme);
    const page = await openExtensionPage(b, 'viewer.html', '.session-card');
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`chrome-extension://${b.extensionId}/viewer.html#session=${sessionId}`);
    await page.waitForSelector('[data-verdict="valid"]');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`chrome-extension://${b.extensionId}/viewer.html#import`);
    await page.setInputFiles('#import-file', { name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
    await page.waitForSelector('.verdict-card[data-verdict="invalid"]');
    await page.waitForSelector('.entry.is-bad');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`chrome-extension://${b.extensionId}/viewer.html#settings`);
    await page.waitForSelector('input[name="language"]');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
