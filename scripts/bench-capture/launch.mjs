// The capture bench's browser: headless Chromium with the built extension (the browser tests'
// launcher), and the static server for tests/fixtures/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR, launchWithExtension as launch } from '../launch-extension.mjs';
import { serveStatic } from '../serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { EXTENSION_DIR };

/** Serves tests/fixtures/; returns the URL of the bench chat page and a close(). */
export async function startBenchServer() {
  const server = await serveStatic(path.join(root, 'tests/fixtures'));
  return { chatUrl: `${server.url}bench/chat.html`, close: () => server.close() };
}

/**
 * Chromium with extension/ (or `extensionDir`) loaded. Its API page is an inert file of the
 * extension (an icon), not the popup, whose own UI would react to the bench's live events.
 */
export function launchWithExtension({ extensionDir = EXTENSION_DIR, apiPage = 'icons/icon-16.png' } = {}) {
  return launch({ extensionDir, apiPage });
}
