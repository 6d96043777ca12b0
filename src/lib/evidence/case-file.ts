// Assembles the exported case file (docs/evidence-format.md) from stored data.
// It copies the stored hashes rather than recomputing them: the export must show
// what was recorded, so a tampered store shows up as a file that fails to verify.
import { genesisHash, toEntry } from './chain';
import type { AttachmentMeta, CaseFile, CaseSession, Entry } from './types';

export interface CaseFileInput {
  /** May be a stored session with extra fields; only CaseSession's fields are written. */
  session: CaseSession;
  entries: Entry[];
  attachments: AttachmentMeta[];
  generator: { name: string; version: string };
  /** ISO 8601 UTC. */
  exportedAt: string;
}

export function buildCaseFile({ session, entries, attachments, generator, exportedAt }: CaseFileInput): CaseFile {
  const genesis = genesisHash(session.id);
  const clean = entries.map(toEntry);
  return {
    format: 'chat-evidence',
    version: 1,
    exportedAt,
    generator: { name: generator.name, version: generator.version },
    session: {
      id: session.id,
      url: session.url,
      title: session.title,
      startedAt: session.startedAt,
      endedAt: session.endedAt ?? null,
      agent: { name: session.agent?.name ?? null, employeeId: session.agent?.employeeId ?? null },
      agreement: session.agreement ? { ...session.agreement, dueDates: [...session.agreement.dueDates] } : null,
    },
    entries: clean,
    attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, at: a.at, mime: a.mime, sha256: a.sha256, name: a.name })),
    chain: {
      algorithm: 'SHA-256',
      genesis,
      head: clean.length ? clean[clean.length - 1].hash : genesis,
      count: clean.length,
    },
  };
}
