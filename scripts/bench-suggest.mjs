// Suggestion-engine bench: stage accuracy (top-1 / top-3 per language) on the dev set,
// the held-out set, the tuning set and the blind set, and suggest() latency for a 500-phrase library.
// The TypeScript engine is bundled on the fly with esbuild's JS API, so plain
// `node scripts/bench-suggest.mjs` (or `npm run bench`) works on Node 20.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the engine (src/lib/suggest + profile) and imports it. */
export async function loadEngine() {
  const result = await esbuild.build({
    stdin: {
      contents: "export * from './src/lib/suggest/index.ts'; export { emptyProfile } from './src/lib/profile.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
  });
  const file = path.join(os.tmpdir(), `suggest-engine-${process.pid}.mjs`);
  fs.writeFileSync(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The dev set: the shared copy when present (it may be newer), else the vendored one. */
export function devSetPath() {
  const shared = path.resolve(root, '../shared/data/suggest-dev.json');
  return fs.existsSync(shared) ? shared : path.join(root, 'tests/fixtures/suggest/dev.json');
}

/** Top-1 / top-3 accuracy per locale of the engine's stage ranking on a labelled set. */
export function accuracy(engine, items) {
  const out = {};
  for (const item of items) {
    const { stages } = engine.analyseConversation([{ speaker: 'agent', text: item.agent }], item.locale);
    const k = (out[item.locale] ??= { n: 0, top1: 0, top3: 0 });
    k.n++;
    if (item.stages.includes(stages[0])) k.top1++;
    if (stages.slice(0, 3).some((s) => item.stages.includes(s))) k.top3++;
  }
  for (const k of Object.values(out)) {
    k.top1 = k.top1 / k.n;
    k.top3 = k.top3 / k.n;
  }
  return out;
}

/** A 500-phrase library: the builtin phrases plus generated user phrases (some pinned, some replacing builtins). */
export function library500(engine) {
  const phrases = [...engine.BUILTIN_PHRASES];
  const builtin = phrases.slice();
  for (let i = 0; phrases.length < 500; i++) {
    const base = builtin[i % builtin.length];
    phrases.push({
      id: `user-${i}`,
      stage: base.stage,
      locale: base.locale,
      text: `${base.text} (${i})`,
      origin: 'user',
      pinned: i % 17 === 0,
      replaces: i % 29 === 0 ? base.id : undefined,
    });
  }
  return phrases;
}

/** Varied transcripts: 1 to 8 turns ending on an agent turn, both languages. */
function transcripts(engine, turns, count) {
  const userTexts = engine.BUILTIN_PHRASES.map((p) => ({ locale: p.locale, text: p.text }));
  const out = [];
  for (let i = 0; i < count; i++) {
    const locale = i % 2 ? 'en' : 'zh-CN';
    const agents = turns.filter((t) => t.locale === locale);
    const users = userTexts.filter((t) => t.locale === locale);
    const length = 1 + (i % 8);
    const t = [];
    for (let j = length - 1; j >= 0; j--) {
      t.push({ speaker: 'agent', text: agents[(i * 7 + j * 13) % agents.length].agent });
      if (j > 0) t.push({ speaker: 'user', text: users[(i * 5 + j * 11) % users.length].text });
    }
    out.push({ locale, transcript: t });
  }
  return out;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs the bench, prints it (unless print is false) and returns the figures. */
export async function benchSuggest({ print = true, calls = 1000 } = {}) {
  const engine = await loadEngine();
  const dev = JSON.parse(fs.readFileSync(devSetPath(), 'utf8'));
  const fixture = (name) => JSON.parse(fs.readFileSync(path.join(root, `tests/fixtures/suggest/${name}.json`), 'utf8'));
  const holdout = fixture('holdout');
  // tuning: turns the lexicon was tuned on (a regression set); blind: written by someone who never
  // saw the lexicon and never tuned on, the figure closest to unseen turns.
  const figures = { accuracy: { dev: accuracy(engine, dev), holdout: accuracy(engine, holdout), tuning: accuracy(engine, fixture('tuning')), blind: accuracy(engine, fixture('blind')) }, latency: {} };

  const phrases = library500(engine);
  const profile = { ...engine.emptyProfile(), name: '张伟', phone: '13800000000', amount: '3200', proposedDate: '2025-07-15' };
  const cases = transcripts(engine, [...dev, ...holdout], calls);
  const run = (freshArray) => {
    const ms = [];
    const cpu = [];
    for (const c of cases) {
      const lib = freshArray ? phrases.slice() : phrases;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      engine.suggest({ phrases: lib, transcript: c.transcript, profile, locale: c.locale, limit: 5 });
      ms.push(performance.now() - t0);
      const d = process.cpuUsage(c0);
      cpu.push((d.user + d.system) / 1000);
    }
    ms.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // Wall time suffers when other work shares the machine; CPU time of the process less so.
    return { calls: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) };
  };
  const t0 = performance.now();
  engine.suggest({ phrases, transcript: [], profile, locale: 'zh-CN' }); // builds the library index
  figures.latency.indexBuildMs = performance.now() - t0;
  run(false); // warm-up (JIT, cue memo)
  figures.latency.sameArray = run(false);
  figures.latency.freshArray = run(true);
  figures.libraryPhrases = phrases.length;

  if (print) {
    console.log('## Suggestion engine');
    for (const [set, byLocale] of Object.entries(figures.accuracy)) {
      for (const [locale, k] of Object.entries(byLocale)) {
        console.log(`${set.padEnd(8)} ${locale.padEnd(6)} n=${String(k.n).padStart(3)}  top-1 ${k.top1.toFixed(3)}  top-3 ${k.top3.toFixed(3)}`);
      }
    }
    const l = figures.latency;
    const fmt = (x) => `wall p50 ${x.p50.toFixed(3)} ms  p95 ${x.p95.toFixed(3)} ms  max ${x.max.toFixed(2)} ms | cpu p50 ${x.cpuP50.toFixed(3)} ms  p95 ${x.cpuP95.toFixed(3)} ms`;
    console.log(`suggest() ${phrases.length} phrases, ${l.sameArray.calls} calls, same library array:  ${fmt(l.sameArray)}`);
    console.log(`suggest() ${phrases.length} phrases, ${l.freshArray.calls} calls, fresh array per call: ${fmt(l.freshArray)}`);
    console.log(`library index build (first call): ${l.indexBuildMs.toFixed(1)} ms; load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`);
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchSuggest();
