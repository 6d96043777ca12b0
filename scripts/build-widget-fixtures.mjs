// Bundles the widget fixture pages (real open-source chat UI libraries from
// npm) from tests/fixtures/widgets/src/ into tests/fixtures/widgets/dist/,
// which is git-ignored: no third-party bundle is committed. The e2e tests call
// buildWidgetFixtures() in beforeAll; it skips the build when dist/ is newer
// than every source (and this script, and package.json's pinned versions).
// CLI: node scripts/build-widget-fixtures.mjs [--force]
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WIDGETS_DIR = join(ROOT, 'tests/fixtures/widgets');
const SRC = join(WIDGETS_DIR, 'src');
const DIST = join(WIDGETS_DIR, 'dist');
const STAMP = join(DIST, '.built');

/** One bundle per fixture page; the other src files are helpers they import. */
export const WIDGET_ENTRIES = ['chatscope.jsx', 'chatui.jsx', 'vue-advanced-chat.js', 'deep-chat.js', 'minchat.jsx', 'chatbot-kit.jsx', 'chat-elements.jsx', 'ant-design-x.jsx', 'livechat-ui-kit.jsx'];

function newestSourceTime() {
  const files = [...readdirSync(SRC).map((f) => join(SRC, f)), fileURLToPath(import.meta.url), join(ROOT, 'package.json')];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

function isFresh() {
  try {
    return statSync(STAMP).mtimeMs > newestSourceTime();
  } catch {
    return false;
  }
}

/**
 * Builds the fixture bundles unless dist/ is already newer than the sources.
 * @param {{ force?: boolean }} [options]
 * @returns {Promise<{ built: boolean, ms: number }>}
 */
export async function buildWidgetFixtures({ force = false } = {}) {
  const start = Date.now();
  if (!force && isFresh()) return { built: false, ms: Date.now() - start };
  mkdirSync(DIST, { recursive: true });
  await esbuild.build({
    entryPoints: WIDGET_ENTRIES.map((f) => join(SRC, f)),
    outdir: DIST,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    // ESM builds first: @chatui/core's "browser" field points at a UMD bundle.
    mainFields: ['module', 'main'],
    jsx: 'automatic',
    jsxImportSource: 'react',
    // The repository's tsconfig says preact; these pages are React.
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } },
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  writeFileSync(STAMP, new Date().toISOString());
  return { built: true, ms: Date.now() - start };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { built, ms } = await buildWidgetFixtures({ force: process.argv.includes('--force') });
  console.log(built ? `widget fixtures built in ${ms} ms` : 'widget fixtures up to date');
}
