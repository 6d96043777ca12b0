// Headless Chromium with the built extension/ loaded, and an extension page from which tests
// call the runtime message API (scripts/launch-extension.mjs, shared with the capture bench).
export { CHROMIUM, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../../../scripts/launch-extension.mjs';

/** Polls `fn` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(fn: () => Promise<T> | T, { timeout = 10_000, interval = 50, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
