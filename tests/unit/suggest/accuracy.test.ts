// The engine must generalise: it is held to top-3 ≥ 0.9 per language on the shared dev
// set, on our own held-out set (written before any tuning, never tuned on), and on the
// extra turns written later to find lexicon gaps (tuning.json: tuned on, kept as a regression set).
// blind.json was written by someone who never saw the lexicon and is never tuned on (a new one
// replaces it when it is tuned on): it tells how the engine does on wording nobody looked at,
// held to a lower bar (top-3 ≥ 0.85).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseConversation } from '../../../src/lib/suggest/context';
import type { Stage } from '../../../src/lib/suggest/types';

interface Item {
  locale: 'zh-CN' | 'en';
  context: string;
  agent: string;
  stages: Stage[];
}

const root = path.resolve(__dirname, '../../..');
const sharedDev = path.resolve(root, '../shared/data/suggest-dev.json');
const sets: Record<string, Item[]> = {
  dev: JSON.parse(fs.readFileSync(fs.existsSync(sharedDev) ? sharedDev : path.join(root, 'tests/fixtures/suggest/dev.json'), 'utf8')),
  holdout: JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/suggest/holdout.json'), 'utf8')),
  tuning: JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/suggest/tuning.json'), 'utf8')),
  blind: JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/suggest/blind.json'), 'utf8')),
};

function score(items: Item[]): { top1: number; top3: number } {
  let top1 = 0;
  let top3 = 0;
  for (const item of items) {
    const { stages } = analyseConversation([{ speaker: 'agent', text: item.agent }], item.locale);
    if (item.stages.includes(stages[0])) top1++;
    if (stages.slice(0, 3).some((s) => item.stages.includes(s))) top3++;
  }
  return { top1: top1 / items.length, top3: top3 / items.length };
}

describe.each(Object.keys(sets))('stage accuracy on %s', (name) => {
  const minTop3 = name === 'blind' ? 0.85 : 0.9;
  it.each(['zh-CN', 'en'] as const)(`%s: top-3 ≥ ${minTop3} and top-1 ≥ 0.75`, (locale) => {
    const items = sets[name].filter((i) => i.locale === locale);
    expect(items.length).toBeGreaterThanOrEqual(12);
    const { top1, top3 } = score(items);
    expect(top3).toBeGreaterThanOrEqual(minTop3);
    expect(top1).toBeGreaterThanOrEqual(0.75);
  });
});

it.each(['holdout', 'blind'])('the %s set is the shape of the dev set and shares no agent turn with the sets tuned on', (name) => {
  const tunedOn = new Set([...sets.dev, ...sets.tuning].map((i) => i.agent));
  for (const item of sets[name]) {
    expect(tunedOn.has(item.agent)).toBe(false);
    expect(item.stages.length).toBeGreaterThan(0);
  }
  expect(sets[name].filter((i) => i.locale === 'zh-CN').length).toBeGreaterThanOrEqual(30);
  expect(sets[name].filter((i) => i.locale === 'en').length).toBeGreaterThanOrEqual(30);
});
