// Reads an editor's text back after an insert, to tell whether the page took
// it. Whitespace is ignored in the comparison because editors turn newlines
// into paragraphs and spaces into &nbsp; as they please.

/** The text an editable currently shows (value for fields, text content otherwise). */
export function editableText(el: HTMLElement): string {
  if (el.localName === 'textarea' || el.localName === 'input') return (el as HTMLTextAreaElement).value;
  return el.textContent ?? '';
}

/** `s` without whitespace, zero-width characters or no-break spaces. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+/g, '');
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/**
 * Whether the editor took `text`: in replace mode it shows exactly `text`; in
 * insert mode it shows `text` once more than it did before.
 */
export function tookText(before: string, after: string, text: string, mode: 'insert' | 'replace'): boolean {
  const t = squash(text);
  if (!t) return true;
  if (mode === 'replace') return squash(after) === t;
  return occurrences(squash(after), t) > occurrences(squash(before), t);
}
