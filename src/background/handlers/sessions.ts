// Handlers of session.*: list, export, verify, the user's own entries, agent and agreement.
import browser from '../../lib/browser';
import { ApiError } from '../../lib/messages';
import { buildCaseFile, verifyCaseFile } from '../../lib/evidence';
import { deleteSession, getSession, listSessions, setAgent, setAgreement } from '../../lib/store/sessions';
import { appendBatch, listEntries } from '../../lib/store/entries';
import { addScreenshot, getAttachmentBytes, listAttachments } from '../../lib/store/attachments';
import { NotFoundError } from '../../lib/store/db';
import type { StoredSession } from '../../lib/store/schema';
import { getDb } from '../db';
import { publishEntries, publishSessionChanged } from '../live';
import { sessionOfTab, tabOfSession } from '../tab-sessions';
import type { Handlers } from '../router';
import { bytesToDataUrl, dataUrlToBytes } from '../data-url';

async function sessionOrFail(id: string): Promise<StoredSession> {
  const s = await getSession(await getDb(), id);
  if (!s) throw new NotFoundError(`session ${id}`);
  return s;
}

function generator() {
  const m = browser.runtime.getManifest();
  return { name: 'chat-evidence', version: m.version };
}

export const sessionHandlers: Pick<
  Handlers,
  | 'session.list'
  | 'session.export'
  | 'session.verify'
  | 'session.get'
  | 'session.delete'
  | 'session.note'
  | 'session.set-agent'
  | 'session.set-agreement'
  | 'session.screenshot'
  | 'session.attachment'
> = {
  async 'session.list'() {
    return { sessions: await listSessions(await getDb()) };
  },

  async 'session.export'(req) {
    const db = await getDb();
    const session = await sessionOrFail(req.sessionId);
    const [entries, attachments] = await Promise.all([listEntries(db, session.id), listAttachments(db, session.id)]);
    return { data: buildCaseFile({ session, entries, attachments, generator: generator(), exportedAt: new Date().toISOString() }) };
  },

  async 'session.verify'(req) {
    const { valid, firstBadSeq, reason } = verifyCaseFile(req.data);
    return { valid, firstBadSeq, reason };
  },

  async 'session.get'(req) {
    const db = await getDb();
    const s = await sessionOrFail(req.sessionId);
    const [entries, attachments] = await Promise.all([listEntries(db, s.id), listAttachments(db, s.id)]);
    const session = { id: s.id, url: s.url, title: s.title, startedAt: s.startedAt, endedAt: s.endedAt, count: s.count, agent: s.agent, agreement: s.agreement };
    return { session, entries, attachments };
  },

  async 'session.delete'(req) {
    const tabId = await tabOfSession(req.sessionId);
    if (tabId !== null) throw new ApiError('capturing', 'stop recording before deleting this session');
    await sessionOrFail(req.sessionId);
    await deleteSession(await getDb(), req.sessionId);
    return {};
  },

  async 'session.note'(req) {
    const db = await getDb();
    const { entries } = await appendBatch(db, req.sessionId, null, null, [
      { kind: 'note', speaker: 'user', author: null, text: req.text.trim(), at: new Date().toISOString() },
    ]);
    publishEntries(await tabOfSession(req.sessionId), req.sessionId, entries);
    return { seq: entries[0].seq };
  },

  async 'session.set-agent'(req) {
    const clean = (v: string | null) => (v && v.trim() ? v.trim().slice(0, 200) : null);
    await setAgent(await getDb(), req.sessionId, { name: clean(req.agent.name), employeeId: clean(req.agent.employeeId) }, { confirmed: true });
    publishSessionChanged(req.sessionId, await tabOfSession(req.sessionId));
    return {};
  },

  async 'session.set-agreement'(req) {
    const agreement = req.agreement && { ...req.agreement, recordedAt: new Date().toISOString() };
    await setAgreement(await getDb(), req.sessionId, agreement);
    publishSessionChanged(req.sessionId, await tabOfSession(req.sessionId));
    return {};
  },

  async 'session.screenshot'(req) {
    const sessionId = await sessionOfTab(req.tabId);
    if (!sessionId) throw new ApiError('not-capturing', 'start recording before taking a screenshot');
    const tab = await browser.tabs.get(req.tabId);
    let dataUrl: string;
    try {
      dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    } catch (e) {
      throw new ApiError('screenshot-failed', `the page could not be captured: ${(e as Error).message}`);
    }
    const { bytes, mime } = dataUrlToBytes(dataUrl);
    const db = await getDb();
    const { attachment, entry } = await addScreenshot(db, sessionId, {
      bytes,
      mime,
      at: new Date().toISOString(),
      noteText: (sha256) => `[screenshot sha256:${sha256}]`,
    });
    publishEntries(req.tabId, sessionId, [entry]);
    return { attachmentId: attachment.id, sha256: attachment.sha256, seq: entry.seq };
  },

  async 'session.attachment'(req) {
    const got = await getAttachmentBytes(await getDb(), req.attachmentId);
    if (!got || got.sessionId !== req.sessionId) throw new NotFoundError(`attachment ${req.attachmentId}`);
    return { mime: got.mime, dataUrl: bytesToDataUrl(got.bytes, got.mime) };
  },
};
