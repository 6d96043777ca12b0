// The harness itself: the built extension loads and its service worker runs.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(() => b?.close());

test('the extension service worker runs and its pages load', async () => {
  expect(b.extensionId).toMatch(/^[a-p]{32}$/);
  expect(await b.apiPage.title()).toBeTruthy();
});
