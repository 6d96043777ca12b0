// How a note names entries of the record by seq, as the viewer labels them ("#12"): "#7–#29" for
// a run of consecutive seqs, runs in the given order separated by commas ("#3, #5–#6").

/** `seqs` (in the order they are meant) as "#a–#b" runs of consecutive ascending seqs. */
export function formatEntryRefs(seqs: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < seqs.length; ) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === seqs[j] + 1) j++;
    runs.push(j === i ? `#${seqs[i]}` : `#${seqs[i]}–#${seqs[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}
