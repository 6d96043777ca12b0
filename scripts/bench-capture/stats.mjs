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
