// Small statistics and formatting helpers for the capture bench.

export function median(xs) {
  return percentile(xs, 50);
}

/** Nearest-rank percentile of `xs` (p in 0..100); NaN for no samples. */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Prints rows (arrays of cells) as an aligned plain-text table. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

/**
 * How far the on/off ratio of medians can move given how much runs vary: the 5th and 95th
 * percentiles of that ratio over `rounds` resamplings (with replacement) of each side's runs.
 * Deterministic (a fixed-seed generator), so one set of samples always prints one interval.
 */
export function ratioInterval(off, on, rounds = 2000) {
  let seed = 12345;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const resample = (xs) => xs.map(() => xs[Math.floor(random() * xs.length)]);
  const ratios = [];
  for (let i = 0; i < rounds; i++) ratios.push(median(resample(on)) / median(resample(off)));
  return [percentile(ratios, 5), percentile(ratios, 95)];
}
