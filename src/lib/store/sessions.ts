// The sessions store: one record per captured chat, holding the chain's running state.
import type { SessionSummary } from '../messages';
import { genesisHash } from '../evidence/chain';
import { isCaseNumberStandIn } from '../agent-identity';
import type { AgentIdentity, Agreement } from '../evidence/types';
import { sessionChunkRange } from './chunks';
import { NotFoundError, quietDone } from './db';
import type { EvidenceDb, StoredSession } from './schema';

export interface NewSession {
  id: string;
  url: string;
  title: string;
  tabId: number | null;
  /** ISO 8601 UTC. */
  startedAt: string;
}

/** Creates an empty session (its head is the genesis hash). Rejects when the id exists. */
export async function createSession(db: EvidenceDb, s: NewSession): Promise<StoredSession> {
  const session: StoredSession = {
    id: s.id,
    url: s.url,
    title: s.title,
    startedAt: s.startedAt,
    endedAt: null,
    agent: { name: null, employeeId: null },
    agreement: null,
    tabId: s.tabId,
    count: 0,
    head: genesisHash(s.id),
    frames: {},
    agentConfirmed: false,
  };
  await db.add('sessions', session);
  return session;
}

export async function getSession(db: EvidenceDb, id: string): Promise<StoredSession | null> {
  return (await db.get('sessions', id)) ?? null;
}

/** All sessions, newest first, with their entry counts. */
export async function listSessions(db: EvidenceDb): Promise<SessionSummary[]> {
  const all = await db.getAll('sessions');
  all.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? 1 : -1));
  return all.map((s) => ({
    id: s.id,
    url: s.url,
    title: s.title,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    count: s.count,
    agent: { ...s.agent },
  }));
}

/** Reads, changes and writes one session in a single transaction. */
async function updateSession(db: EvidenceDb, id: string, change: (s: StoredSession) => void): Promise<StoredSession> {
  const tx = quietDone(db.transaction('sessions', 'readwrite'));
  const session = await tx.store.get(id);
  if (!session) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new NotFoundError(`session ${id}`);
  }
  change(session);
  await tx.store.put(session);
  await tx.done;
  return session;
}

/** Marks the session ended; a second call keeps the first end time. */
export function endSession(db: EvidenceDb, id: string, endedAt: string): Promise<StoredSession> {
  return updateSession(db, id, (s) => {
    if (s.endedAt === null) s.endedAt = endedAt;
  });
}

/**
 * Sets the agent's identity. With confirmed:true (the user typed it) it always
 * applies and locks the value; with confirmed:false (detected on the page) it
 * applies only while the user has not confirmed one, and only fills the fields
 * it knows (a null never erases a known name or id).
 * Resolves to whether the session's agent was changed.
 */
export async function setAgent(db: EvidenceDb, id: string, agent: AgentIdentity, { confirmed }: { confirmed: boolean }): Promise<boolean> {
  let changed = false;
  await updateSession(db, id, (s) => {
    changed = applyAgent(s, agent, confirmed);
  });
  return changed;
}

/** The agent rule shared with appendBatch's 'agent' items; mutates `s` and says whether it changed. */
export function applyAgent(s: StoredSession, agent: AgentIdentity, confirmed: boolean): boolean {
  const before = JSON.stringify([s.agent, s.agentConfirmed]);
  if (confirmed) {
    s.agent = { name: agent.name ?? null, employeeId: agent.employeeId ?? null };
    s.agentConfirmed = true;
  } else if (!s.agentConfirmed) {
    // A case number standing in never replaces an employee id already known: facts read from
    // rows in the background are learnt per batch, without what the page said before.
    const keepId = isCaseNumberStandIn(agent.employeeId ?? null) && s.agent.employeeId !== null && !isCaseNumberStandIn(s.agent.employeeId);
    s.agent = { name: agent.name ?? s.agent.name, employeeId: keepId ? s.agent.employeeId : (agent.employeeId ?? s.agent.employeeId) };
  }
  return JSON.stringify([s.agent, s.agentConfirmed]) !== before;
}

/** Records (or with null clears) what was agreed. */
export function setAgreement(db: EvidenceDb, id: string, agreement: Agreement | null): Promise<StoredSession> {
  return updateSession(db, id, (s) => {
    s.agreement = agreement ? { ...agreement, dueDates: [...agreement.dueDates] } : null;
  });
}

/** Deletes the session with all its entries and attachments, in one transaction. Missing ids are fine. */
export async function deleteSession(db: EvidenceDb, id: string): Promise<void> {
  const tx = quietDone(db.transaction(['sessions', 'chunks', 'attachments'], 'readwrite'));
  const attachmentIds = await tx.objectStore('attachments').index('by-session').getAllKeys(id);
  await Promise.all([
    tx.objectStore('sessions').delete(id),
    tx.objectStore('chunks').delete(sessionChunkRange(id)),
    ...attachmentIds.map((k) => tx.objectStore('attachments').delete(k)),
  ]);
  await tx.done;
}
