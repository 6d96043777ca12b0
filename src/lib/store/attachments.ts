// The attachments store: screenshots, bound into the chain by a note naming their SHA-256.
import { sha256HexOfBytes } from '../evidence/hash';
import type { AttachmentMeta, Entry } from '../evidence/types';
import { quietDone } from './db';
import { appendItemsInTransaction, sessionForAppend } from './entries';
import type { EvidenceDb, StoredAttachment } from './schema';

export interface NewScreenshot {
  bytes: Uint8Array;
  mime: string;
  /** ISO 8601 UTC. */
  at: string;
  /** The note's text, given the image's hex SHA-256 (the caller picks the language). */
  noteText: (sha256: string) => string;
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

function toMeta(a: StoredAttachment): AttachmentMeta {
  return { id: a.id, kind: a.kind, at: a.at, mime: a.mime, sha256: a.sha256, name: a.name };
}

/**
 * Stores a screenshot and appends a `note` entry (speaker 'user') naming its
 * SHA-256, in one transaction, so the image is either in the chain or not stored.
 */
export async function addScreenshot(db: EvidenceDb, sessionId: string, shot: NewScreenshot): Promise<{ attachment: AttachmentMeta; entry: Entry }> {
  // Hash and id before the transaction: nothing here may wait on non-IndexedDB work once it is open.
  const sha256 = sha256HexOfBytes(shot.bytes);
  const id = crypto.randomUUID();
  const text = shot.noteText(sha256);

  const tx = quietDone(db.transaction(['sessions', 'chunks', 'attachments'], 'readwrite'));
  const session = await sessionForAppend(tx, sessionId);
  const { entries } = await appendItemsInTransaction(tx.objectStore('chunks'), session, null, [
    { kind: 'note', speaker: 'user', author: null, text, at: shot.at },
  ]);
  const entry = entries[0];
  const ext = EXTENSIONS[shot.mime] ?? 'bin';
  const record: StoredAttachment = {
    id,
    kind: 'screenshot',
    at: entry.at,
    mime: shot.mime,
    sha256,
    // Names sort in chain order inside a ZIP and are unique per session.
    name: `screenshot-${String(entry.seq).padStart(6, '0')}-${sha256.slice(0, 8)}.${ext}`,
    sessionId,
    bytes: shot.bytes,
  };
  await tx.objectStore('attachments').add(record);
  await tx.objectStore('sessions').put(session);
  await tx.done;
  return { attachment: toMeta(record), entry };
}

/** A session's attachments (metadata only), in the order they were taken. */
export async function listAttachments(db: EvidenceDb, sessionId: string): Promise<AttachmentMeta[]> {
  const all = await db.getAllFromIndex('attachments', 'by-session', sessionId);
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.name < b.name ? -1 : 1)).map(toMeta);
}

/** The bytes of an attachment, with what a caller needs to serve it safely; null when unknown. */
export async function getAttachmentBytes(db: EvidenceDb, id: string): Promise<{ bytes: Uint8Array; mime: string; sessionId: string } | null> {
  const a = await db.get('attachments', id);
  return a ? { bytes: a.bytes, mime: a.mime, sessionId: a.sessionId } : null;
}
