// First look at a dropped file before verification: is it JSON, and does it
// claim to be a case file? (session.verify then checks everything else.)
export type ImportedFile =
  | { kind: 'not-json' }
  | { kind: 'not-case-file' }
  | { kind: 'case-file'; data: Record<string, unknown> };

/** Largest file the viewer reads (a case file with many screenshots' metadata is still small). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export function classifyImport(text: string): ImportedFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'not-json' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== 'chat-evidence')
    return { kind: 'not-case-file' };
  return { kind: 'case-file', data: data as Record<string, unknown> };
}

/** A report.html made by the viewer embeds its case file: accept it too. */
export function caseFileTextOf(text: string): string {
  const m = /<script type="application\/json" id="case-file">([\s\S]*?)<\/script>/.exec(text);
  return m ? m[1] : text;
}
