// `npm start`: build the extension, serve the demo support chat, and open it in
// Chromium with the extension loaded (headless when there is no display).
//
// Flags: --headless      force headless even with a display
//        --skip-build    use the last build in extension/ as it is
// Env:   PORT (default 8787; 0 picks a free port), CHROMIUM or CHROME_PATH (default /usr/bin/chromium)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const extensionDir = path.join(root, 'extension');
const demoDir = path.join(root, 'demo');
const argv = process.argv.slice(2);

/** @param {string} message */
function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function build() {
  console.log('Building the extension (node scripts/build.mjs)…');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    fail(
      'The extension build failed (errors above), so there is nothing up to date to load.\n' +
        '  Fix the build, or run `npm start -- --skip-build` to load the last build in extension/.',
    );
  }
}

/** Chromium's flags for loading our unpacked extension into a throwaway profile. */
function chromiumArgs(headless) {
  const args = [
    `--load-extension=${extensionDir}`,
    `--disable-extensions-except=${extensionDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (headless) args.push('--headless=new');
  // Chromium refuses to start as root with its sandbox on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/** The extension's service worker, waiting for it if it has not started yet. */
async function extensionWorker(context) {
  const isOurs = (w) => w.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isOurs);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
}

async function main() {
  if (!argv.includes('--skip-build')) build();
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    fail('extension/manifest.json is missing: run `npm run build` first.');
  }

  const executablePath = process.env.CHROMIUM || process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    fail(`Chromium not found at ${executablePath}. Install it, or set CHROMIUM=/path/to/chromium.`);
  }

  const port = process.env.PORT ? Number(process.env.PORT) : 8787;
  let server;
  try {
    server = await serveStatic(demoDir, port);
  } catch (err) {
    fail(
      err && err.code === 'EADDRINUSE'
        ? `Port ${port} is in use. Stop what is using it, or run with PORT=<another port>.`
        : `Could not serve demo/: ${err?.message ?? err}`,
    );
  }
  const chatUrl = `${server.url}chat.html?lang=zh`;

  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const headless = argv.includes('--headless') || !hasDisplay;
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'chat-evidence-profile-'));

  let context;
  try {
    // headless: false because Playwright's own headless mode drops extensions;
    // --headless=new in args gives a headless browser that keeps them.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: false,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: chromiumArgs(headless),
      viewport: null,
      // Our own handlers close the browser, the server and the temp profile in order.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
    fail(`Chromium did not start: ${String(err?.message ?? err).split('\n')[0]}`);
  }

  let closing = false;
  async function shutdown(code = 0) {
    if (closing) return;
    closing = true;
    await context.close().catch(() => {});
    await server.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  context.on('close', () => void shutdown(0));

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(chatUrl);

  console.log(`\nDemo chat (中文):  ${chatUrl}`);
  console.log(`Demo chat (English): ${server.url}chat.html?lang=en`);
  console.log(`Demo index:        ${server.url}`);
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    console.log(`Extension service worker is running: ${worker.url()} (extension id ${extensionId})`);
  } catch {
    console.error('⚠ The extension service worker did not start within 15 s; check extension/ and chrome://extensions.');
  }

  if (headless) {
    console.log(
      '\nNo display found (or --headless given), so Chromium runs headless with the extension loaded.\n' +
        'The demo server keeps running: open the URLs above in your own browser with the extension\n' +
        'loaded unpacked from extension/ (chrome://extensions → Developer mode → Load unpacked).\n' +
        'Press Ctrl+C to stop.',
    );
  } else {
    console.log('\nChromium is open with the extension loaded. Close the window or press Ctrl+C to stop.');
  }
}

await main();
