// The floor of the bursts figure: what the least any capture could do costs the bench chat's
// main thread. A throwaway extension whose content script only observes the chat list and,
// per variant, reads each added row and posts the batch to its service worker; no
// extraction, no speaker, no store. It tells how much of the ≤ 3 % budget the bare reading of
// rows already takes on this page, and how far apart two runs of the same thing are.
//   node scripts/bench-capture/floor.mjs [none|text|html…]   (FLOOR_RUNS=n runs a side)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openChat, metrics } from './chat-page.mjs';
import { launchWithExtension, startBenchServer } from './launch.mjs';
import { median, sleep } from './stats.mjs';

/** What the content script does with each row added to the list, besides collecting it. */
export const FLOOR_VARIANTS = {
  none: 'observe only: the rows are collected and nothing is read or posted',
  text: 'read each row’s textContent, post the batch once per burst',
  html: 'read each row’s outerHTML, post the batch once per burst (what a template match starts from)',
};

// Runs in the page's isolated world when the URL asks for a variant (?floor=html): the
// bench chat page is the same for every side, only the query differs.
const CONTENT_SCRIPT = `(() => {
  const variant = new URLSearchParams(location.search).get('floor');
  if (!variant) return;
  const port = chrome.runtime.connect();
  let batch = [];
  let queued = false;
  const flush = () => {
    queued = false;
    if (variant !== 'none') port.postMessage(JSON.stringify(batch));
    batch = [];
  };
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        batch.push(variant === 'text' ? n.textContent : variant === 'html' ? n.outerHTML : n);
      }
    if (!queued) {
      queued = true;
      setTimeout(flush, 0);
    }
  }).observe(document.querySelector('.conversation'), { childList: true, subtree: true, characterData: true });
})();`;

async function writeFloorExtension() {
  const dir = await mkdtemp(path.join(tmpdir(), 'chat-evidence-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'capture floor',
    version: '1',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'background.js'), 'chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener(() => {}));');
  await writeFile(path.join(dir, 'content.js'), CONTENT_SCRIPT);
  return dir;
}

/** The page's main-thread time (task) and script time over one bursts workload, in ms. */
async function measure(b, chatUrl, preload, variant, bursts) {
  const { page, cdp } = await openChat(b, chatUrl, preload, variant ? `&floor=${variant}` : '');
  await sleep(300);
  const before = await metrics(cdp);
  await page.evaluate(({ count, size, gapMs }) => window.__bench.bursts(count, size, gapMs), bursts);
  await sleep(400);
  const after = await metrics(cdp);
  await page.close();
  return { task: after.task - before.task, script: after.script - before.script };
}

/**
 * For each variant, `runs` runs with the floor script off and on alternately (as the capture
 * bench does): the medians of task and script time a side, and their on/off ratio.
 */
export async function burstFloor({ chatUrl, bursts, preload = 4, variants = Object.keys(FLOOR_VARIANTS), runs = 5 }) {
  const dir = await writeFloorExtension();
  const b = await launchWithExtension({ extensionDir: dir, apiPage: 'manifest.json' });
  const out = {};
  try {
    await measure(b, chatUrl, preload, null, bursts); // warm-up, not counted
    for (const variant of variants) {
      const samples = { off: [], on: [] };
      for (let i = 0; i < runs * 2; i++) {
        const on = i % 2 === 1;
        samples[on ? 'on' : 'off'].push(await measure(b, chatUrl, preload, on ? variant : null, bursts));
      }
      const med = (side, key) => median(samples[side].map((s) => s[key]));
      out[variant] = { task: { off: med('off', 'task'), on: med('on', 'task') }, script: { off: med('off', 'script'), on: med('on', 'script') } };
      out[variant].ratio = out[variant].task.on / out[variant].task.off;
    }
  } finally {
    await b.close();
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}

/** One line per variant: its ratio and the script time it adds. */
export function floorLines(floor) {
  return Object.entries(floor).map(
    ([v, f]) => `floor "${v}" (${FLOOR_VARIANTS[v]}): ratio ${f.ratio.toFixed(3)} (${f.task.on.toFixed(0)} / ${f.task.off.toFixed(0)} ms), script +${(f.script.on - f.script.off).toFixed(0)} ms`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startBenchServer();
  try {
    const variants = process.argv.slice(2);
    const floor = await burstFloor({
      chatUrl: server.chatUrl,
      bursts: { count: 40, size: 50, gapMs: 50 },
      variants: variants.length ? variants : undefined,
      runs: Number(process.env.FLOOR_RUNS ?? 5),
    });
    for (const line of floorLines(floor)) console.log(line);
  } finally {
    await server.close();
  }
}
