// Verifying a case file by file picker or drag and drop: a valid file, a tampered
// one (first bad seq shown and marked), a report.html, non-JSON and non-case files.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openExtensionPage, setLook } from './support/ui-pages';

const FIXTURES = resolve(__dirname, '../fixtures/case-files');
let b: ExtensionBrowser;
let valid: any;

beforeAll(async () => {
  b = await launchWithExtension();
  await setLook(b, 'en', 'light');
  valid = JSON.parse(await readFile(`${FIXTURES}/valid.json`, 'utf8'));
});
afterAll(() => b?.close());

async function pick(page: Page, name: string, content: string, mimeType = 'application/json') {
  await page.setInputFiles('#import-file', { name, mimeType, buffer: Buffer.from(content) });
  await page.waitForSelector('.verdict-card');
  return {
    verdict: await page.getAttribute('.verdict-card', 'data-verdict'),
    text: (await page.textContent('.verdict-card')) ?? '',
  };
}

describe('viewer import', () => {
  test('a valid case file is valid; a tampered one breaks at its first bad seq', async () => {
    const page = await openExtensionPage(b, 'viewer.html#import', '#import-file');
    const ok = await pick(page, 'valid.json', JSON.stringify(valid));
    expect(ok.verdict).toBe('valid');
    expect(ok.text).toContain('Valid ✓');
    expect(await page.locator('.transcript .entry').count()).toBe(valid.entries.length);

    const tampered = structuredClone(valid);
    tampered.entries[3].text = 'I can offer a 30-day deferral without penalty interest!';
    const bad = await pick(page, 'tampered.json', JSON.stringify(tampered));
    expect(bad.verdict).toBe('invalid');
    expect(bad.text).toContain('breaks at seq 3');
    expect(bad.text).toContain('Reason:');
    expect(await page.getAttribute('.verdict-card', 'data-first-bad-seq')).toBe('3');
    expect(await page.getAttribute('.entry.is-bad', 'data-seq')).toBe('3');
    expect(await page.textContent('[data-testid="chain-verdict"]')).toContain('Broken at seq 3');

    // The shipped tampered fixture is caught too.
    const fixture = await readFile(`${FIXTURES}/tampered-text.json`, 'utf8');
    expect((await pick(page, 'tampered-text.json', fixture)).verdict).toBe('invalid');
    await page.close();
  });

  test('non-JSON and non-case files get a clear message; a report.html is checked by its embedded file', async () => {
    const page = await openExtensionPage(b, 'viewer.html#import', '#import-file');
    const notJson = await pick(page, 'notes.txt', 'hello, this is not JSON', 'text/plain');
    expect(notJson.verdict).toBe('not-json');
    expect(notJson.text).toContain('is not a JSON file');
    const other = await pick(page, 'package.json', '{"name":"x"}');
    expect(other.verdict).toBe('not-case-file');
    expect(other.text).toContain('not a chat-evidence case file');
    const broken = await pick(page, 'v2.json', JSON.stringify({ ...valid, version: 2 }));
    expect(broken.verdict).toBe('invalid');
    expect(broken.text).toContain('not a well-formed case file');
    const report = `<!doctype html><p>report</p><script type="application/json" id="case-file">${JSON.stringify(valid).replace(/</g, '\\u003c')}</script>`;
    expect((await pick(page, 'report.html', report, 'text/html')).verdict).toBe('valid');
    await page.close();
  });

  test('a file dropped on the drop zone is verified', async () => {
    const page = await openExtensionPage(b, 'viewer.html#import', '#import-file');
    const json = JSON.stringify(valid);
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const zone = document.querySelector('[data-testid="dropzone"]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, json);
    await page.waitForSelector('.verdict-card[data-verdict="valid"]');
    expect(await page.textContent('.verdict-card')).toContain('dropped.json');
    await page.close();
  });
});
