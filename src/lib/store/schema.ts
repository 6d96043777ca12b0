// The shape of the evidence database: record types and the idb schema.
import type { DBSchema, IDBPDatabase } from 'idb';
import type { AgentIdentity, AttachmentMeta, CaseSession, Entry } from '../evidence/types';
import type { Profile } from '../profile';
import type { Settings } from '../settings';
import type { Phrase } from '../suggest/types';

/** A session as stored: the case-file session plus what capture needs to continue the chain. */
export interface StoredSession extends CaseSession {
  tabId: number | null;
  /** Number of entries; the next entry's seq. Kept here so appends and lists never count. */
  count: number;
  /** Hash of the last entry, or the genesis when there are none. */
  head: string;
  /** Highest committed batchNo per content-script frame, so resent batches are dropped. */
  frames: Record<string, number>;
  /** True once the user set the agent; detected values then no longer overwrite it. */
  agentConfirmed: boolean;
}

/** An entry record of the v1–v2 'entries' store (one record per entry); v3 packs them into chunks. */
export interface StoredEntry extends Entry {
  sessionId: string;
  /** Frame-qualified message key (see entries.ts), only on kind 'message'. */
  key?: string;
}

/** An entry inside a chunk: the case-file entry plus, for messages, the frame-qualified key. */
export interface ChunkEntry extends Entry {
  key?: string;
}

/**
 * Consecutive entries of one session in one record (v3+): one record per append, so a
 * batch of 500 entries is one IndexedDB write instead of 500 (see chunks.ts).
 */
export interface StoredChunk {
  sessionId: string;
  /** seq of entries[0]; entries[i].seq is first + i. */
  first: number;
  entries: ChunkEntry[];
  /** v3 only (what its 'by-key' multiEntry index covered); chunks written since v4 have none. */
  keys?: string[];
}

/** Attachment metadata plus its bytes. */
export interface StoredAttachment extends AttachmentMeta {
  sessionId: string;
  bytes: Uint8Array;
}

export interface EvidenceSchema extends DBSchema {
  sessions: { key: string; value: StoredSession };
  /** v1–v2 only: migration 2 → 3 moves its records into 'chunks' and deletes it. */
  entries: {
    key: [string, number];
    value: StoredEntry;
    indexes: { 'by-key': [string, string] };
  };
  // v3; its 'by-key' index (v3 only) is gone since v4.
  chunks: {
    key: [string, number];
    value: StoredChunk;
  };
  attachments: { key: string; value: StoredAttachment; indexes: { 'by-session': string } };
  // v2
  /** One record under the key 'current'. */
  profile: { key: string; value: Profile };
  phrases: { key: string; value: Phrase; indexes: { 'by-locale': string } };
  /** One record under the key 'current'. */
  settings: { key: string; value: Settings };
}

export type EvidenceDb = IDBPDatabase<EvidenceSchema>;

/** The key of the single record in the profile and settings stores. */
export const SINGLE_RECORD_KEY = 'current';

export type { AgentIdentity };
