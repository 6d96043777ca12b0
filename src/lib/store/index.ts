// The store in one import: open the database, then call the per-store functions with it.
export { openEvidenceDb, evidenceDbOpener, DB_VERSION, DEFAULT_DB_NAME, NotFoundError, type OpenEvidenceDbOptions } from './db';
export type { EvidenceDb, EvidenceSchema, StoredSession, StoredEntry, StoredAttachment } from './schema';
export { createSession, getSession, listSessions, endSession, setAgent, setAgreement, deleteSession, type NewSession } from './sessions';
export { appendBatch, appendBatches, listEntries, lastEntries, type NewEntry, type AppendResult, type BatchToAppend } from './entries';
export { addScreenshot, listAttachments, getAttachmentBytes, type NewScreenshot } from './attachments';
export { getProfile, setProfile } from './profile';
export { getSettings, setSettings } from './settings';
export { listPhrases, savePhrase, deletePhrase, seedBuiltinPhrases } from './phrases';
