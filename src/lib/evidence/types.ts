// Types of the evidence case file (docs/evidence-format.md, format 1).

export type Speaker = 'agent' | 'user' | 'system';
export type EntryKind = 'message' | 'edit' | 'remove' | 'note';

/** The fields of an entry that the hash covers, in canonical order. */
export interface EntryBody {
  seq: number;
  /** ISO 8601 UTC, when the extension saw it. */
  at: string;
  kind: EntryKind;
  speaker: Speaker;
  author: string | null;
  text: string;
  /** seq of the entry an edit/remove refers to, else null. */
  ref: number | null;
}

/** An entry as it appears in a case file: body plus its chain links. */
export interface Entry extends EntryBody {
  prev: string;
  hash: string;
}

export interface AgentIdentity {
  name: string | null;
  employeeId: string | null;
}

export interface Agreement {
  kind: 'deferral' | 'instalments' | 'other';
  amount: string;
  currency: string | null;
  dueDates: string[];
  conditions: string;
  recordedAt: string;
}

export interface AttachmentMeta {
  id: string;
  kind: 'screenshot';
  at: string;
  mime: string;
  sha256: string;
  name: string;
}

export interface CaseSession {
  id: string;
  url: string;
  title: string;
  startedAt: string;
  endedAt: string | null;
  agent: AgentIdentity;
  agreement: Agreement | null;
}

export interface ChainSummary {
  algorithm: 'SHA-256';
  genesis: string;
  head: string;
  count: number;
}

/** The exported case file. */
export interface CaseFile {
  format: 'chat-evidence';
  version: 1;
  exportedAt: string;
  generator: { name: string; version: string };
  session: CaseSession;
  entries: Entry[];
  attachments: AttachmentMeta[];
  chain: ChainSummary;
}

export interface VerifyResult {
  valid: boolean;
  /** First entry (by position) that fails, or the count when only chain.head/count are wrong; null when valid. */
  firstBadSeq: number | null;
  /** Human-readable reason for the first failure, null when valid. */
  reason: string | null;
}
