import { expect, test } from 'vitest';
import { formatEntryRefs } from '../../../src/lib/entry-refs';

test('consecutive ascending seqs join into runs; other orders stay as given', () => {
  expect(formatEntryRefs([7])).toBe('#7');
  expect(formatEntryRefs([7, 8, 9, 10])).toBe('#7–#10');
  expect(formatEntryRefs([3, 5, 6, 9])).toBe('#3, #5–#6, #9');
  expect(formatEntryRefs([9, 8, 20, 21])).toBe('#9, #8, #20–#21');
  expect(formatEntryRefs([])).toBe('');
});
