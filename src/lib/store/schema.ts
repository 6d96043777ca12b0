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

/** An entry as stored: the case-file entry, the session it belongs to, and for messages the identity key. */
export interface StoredEntry extends Entry {
  sessionId: string;
  /** Frame-qualified message key (see entries.ts), only on kind 'message'. */
  key?: string;
}

/** Attachment metadata plus its bytes. */
export interface StoredAttachment extends AttachmentMeta {
  sessionId: string;
  bytes: Uint8Array;
}

export interface EvidenceSchema extends DBSchema {
  sessions: { key: string; value: StoredSession };
  entries: {
    key: [string, number];
    value: StoredEntry;
    indexes: { 'by-key': [string, string] };
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
