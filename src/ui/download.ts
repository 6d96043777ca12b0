// Saves a generated file from an extension page: a Blob behind an <a download>
// (service workers have no URL.createObjectURL, so exports happen in pages).
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadJson(fileName: string, value: unknown): void {
  downloadBlob(fileName, new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }));
}

/** A file name for a session's exports: chat-evidence-2026-11-25-3f1c2a9e.json */
export function exportFileName(session: { id: string; startedAt: string }, ext: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(session.startedAt)?.[0] ?? 'session';
  const id = session.id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 8) || 'case';
  return `chat-evidence-${day}-${id}.${ext}`;
}
