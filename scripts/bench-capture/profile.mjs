// Diagnostic for the capture bench: runs one workload with capture on under the CDP sampling
// profiler and prints where the page's main thread spent its time (self time by function,
// and inclusive time of the content script's functions). Not part of `npm run bench`.
//   node scripts/bench-capture/profile.mjs bursts|big|noise   (PROFILE_OFF=1: capture off; PROFILE_TOP=n: rows shown)
import * as esbuild from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR, launchWithExtension, startBenchServer } from './launch.mjs';
import { sleep } from './stats.mjs';

const which = process.argv[2] ?? 'bursts';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// A copy of extension/ whose content script is not minified, so the profile names functions.
const extensionDir = path.join(root, '.tmp', `bench-profile-ext-${process.pid}`);
cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
await esbuild.build({
  // PROFILE_CONTENT_ENTRY: profile another source tree's content script (a prototype of an engine change).
  entryPoints: { content: process.env.PROFILE_CONTENT_ENTRY ?? path.join(root, 'src/content/index.ts') },
  outdir: extensionDir,
  bundle: true,
  format: 'iife',
  target: ['chrome120'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  keepNames: true,
  logLevel: 'warning',
});
const server = await startBenchServer();
const b = await launchWithExtension({ extensionDir });

function report(profile, top = Number(process.env.PROFILE_TOP ?? 25)) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas;
  const selfMs = new Map();
  const inclMs = new Map();
  const label = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (dt[i] ?? 0) / 1000;
    let n = byId.get(profile.samples[i]);
    selfMs.set(label(n), (selfMs.get(label(n)) ?? 0) + ms);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id));
      if (seen.has(l)) continue;
      seen.add(l);
      inclMs.set(l, (inclMs.get(l) ?? 0) + ms);
    }
  }
  const sorted = (m, filter = () => true) => [...m].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log('-- self time');
  for (const [k, v] of sorted(selfMs, (k) => !/^\((idle|program)\)/.test(k))) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  console.log('-- inclusive, content script');
  for (const [k, v] of sorted(inclMs, (k) => k.includes('content.js'))) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
}

try {
  const preload = which === 'big' ? 10_000 : 4;
  const page = await b.context.newPage();
  await page.goto(`${server.chatUrl}?preload=${preload}`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === '1');
  await sleep(500);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const tabId = await b.tabIdOf(page);
  // PROFILE_OFF=1: the same workload with capture off, to compare against.
  if (which !== 'big' && !process.env.PROFILE_OFF) {
    await b.api({ type: 'capture.start', tabId });
    await sleep(800);
  }
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  if (which === 'big') {
    await b.api({ type: 'capture.start', tabId });
    await sleep(Number(process.env.PROFILE_MS ?? 3000));
  } else if (which === 'noise') await page.evaluate(() => window.__bench.noise(10_000, 3000));
  else await page.evaluate(() => window.__bench.bursts(40, 50, 50));
  await sleep(400);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`${which}: ${Date.now() - t0} ms wall; stored count ${(await b.api({ type: 'capture.status', tabId })).count}`);
  report(profile);
} finally {
  await b.close();
  await server.close();
  rmSync(extensionDir, { recursive: true, force: true });
}
