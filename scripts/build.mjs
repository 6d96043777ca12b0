// Builds every bundle of the extension into extension/ and writes the manifest
// there with the version taken from package.json. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}extension`;
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  target: ['chrome123', 'firefox140'],
  sourcemap: 'linked',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  minify: !watch,
};

const builds = [
  { entryPoints: { background: `${root}src/background/index.ts` }, format: 'esm' },
  { entryPoints: { content: `${root}src/content/index.ts` }, format: 'iife' },
  {
    entryPoints: {
      popup: `${root}src/popup/index.tsx`,
      sidebar: `${root}src/sidebar/index.tsx`,
      viewer: `${root}src/viewer/index.tsx`,
    },
    format: 'iife',
  },
].map((b) => ({ ...common, ...b, outdir: out }));

async function writeManifest() {
  const pkg = JSON.parse(await readFile(`${root}package.json`, 'utf8'));
  const manifest = JSON.parse(await readFile(`${root}manifest.json`, 'utf8'));
  manifest.version = pkg.version;
  await writeFile(`${out}/manifest.json`, JSON.stringify(manifest, null, 2) + '\n');
}

const started = performance.now();
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  await writeManifest();
  console.log('watching src/ …');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  await writeManifest();
  console.log(`built extension/ in ${Math.round(performance.now() - started)} ms`);
}
