// Opens the extension's IndexedDB database and runs its migrations.
// Migrations are numbered and append-only: MIGRATIONS[n] takes version n to n+1,
// and upgrade() replays every step after the version found on disk. Never edit a
// shipped step; add a new one.
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { migrateEntriesToChunks } from './migrate-entries-to-chunks';
import type { EvidenceDb, EvidenceSchema } from './schema';

export const DEFAULT_DB_NAME = 'chat-evidence';

export type UpgradeTx = IDBPTransaction<EvidenceSchema, StoreNames<EvidenceSchema>[], 'versionchange'>;
/** A step may return a promise when it reads data; the steps after it wait for it, and a rejection aborts the upgrade. */
type Migration = (db: IDBPDatabase<EvidenceSchema>, tx: UpgradeTx) => void | Promise<void>;

const MIGRATIONS: Migration[] = [
  // 0 → 1: capture.
  (db) => {
    db.createObjectStore('sessions', { keyPath: 'id' });
    const entries = db.createObjectStore('entries', { keyPath: ['sessionId', 'seq'] });
    // Only message records carry `key`, so only they are in this index.
    entries.createIndex('by-key', ['sessionId', 'key']);
    const attachments = db.createObjectStore('attachments', { keyPath: 'id' });
    attachments.createIndex('by-session', 'sessionId');
  },
  // 1 → 2: the person's profile, phrase library and settings.
  (db) => {
    db.createObjectStore('profile');
    const phrases = db.createObjectStore('phrases', { keyPath: 'id' });
    phrases.createIndex('by-locale', 'locale');
    db.createObjectStore('settings');
  },
  // 2 → 3: entries packed into chunk records (one per append), for capture speed.
  migrateEntriesToChunks,
  // 3 → 4: no index over message keys (edits walk the latest chunks instead; see chunks.ts).
  (_db, tx) => {
    (tx.objectStore('chunks') as unknown as IDBObjectStore).deleteIndex('by-key');
  },
];

/** The current schema version: the number of migrations. */
export const DB_VERSION = MIGRATIONS.length;

export interface OpenEvidenceDbOptions {
  /** Database name; default 'chat-evidence'. Tests use a unique name each. */
  name?: string;
  /** IndexedDB factory; default the global indexedDB. Tests pass fake-indexeddb's. */
  factory?: IDBFactory;
  /** Open at an older version (migration tests only); default DB_VERSION. */
  version?: number;
}

/**
 * Opens (creating or upgrading) the evidence database. Resolves only after the
 * upgrade transaction has finished, so every caller sees the migrated schema.
 * When a newer version elsewhere needs to upgrade, this connection closes itself
 * (the `versionchange`/blocking rule), so an extension update is never stuck.
 */
export function openEvidenceDb(options: OpenEvidenceDbOptions = {}): Promise<EvidenceDb> {
  const factory = options.factory ?? globalThis.indexedDB;
  const version = options.version ?? DB_VERSION;
  if (!Number.isInteger(version) || version < 1 || version > DB_VERSION) {
    return Promise.reject(new RangeError(`no such database version ${version}`));
  }
  // Same steps as idb's openDB, but with a factory of our choice.
  const request = factory.open(options.name ?? DEFAULT_DB_NAME, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as IDBPDatabase<EvidenceSchema>;
    const tx = wrap(request.transaction!) as unknown as UpgradeTx;
    const target = event.newVersion ?? version;
    // Synchronous steps run inside this event; an asynchronous one chains the rest after it.
    const run = (from: number): void | Promise<void> => {
      for (let v = from; v < target; v++) {
        const step = MIGRATIONS[v](db, tx);
        if (step) return step.then(() => run(v + 1));
      }
    };
    const running = run(event.oldVersion);
    running?.catch((e: unknown) => {
      console.error('database upgrade failed', e);
      try {
        tx.abort(); // the open request then fails, and the old version stays as it was
      } catch {
        // already finished or aborted by the failed request itself
      }
    });
  });
  return (wrap(request) as unknown as Promise<EvidenceDb>).then((db) => {
    db.addEventListener('versionchange', () => db.close());
    return db;
  });
}

/**
 * Returns a function that gives the open database, opening it once and reopening
 * after the connection was closed (by a newer version's upgrade or by the browser).
 * The service worker keeps this opener, not a connection, in module scope.
 */
export function evidenceDbOpener(options: OpenEvidenceDbOptions = {}): () => Promise<EvidenceDb> {
  let pending: Promise<EvidenceDb> | null = null;
  return () => {
    if (!pending) {
      const opening = openEvidenceDb(options);
      pending = opening;
      opening.then(
        (db) => {
          const forget = () => {
            if (pending === opening) pending = null;
          };
          db.addEventListener('versionchange', forget);
          db.addEventListener('close', forget);
        },
        () => {
          if (pending === opening) pending = null;
        },
      );
    }
    return pending;
  };
}

/** Thrown when a session, attachment or other record that a call needs does not exist. */
export class NotFoundError extends Error {
  readonly code = 'not-found';
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/**
 * Marks a transaction's `done` promise as handled. A function that awaits its
 * requests one by one throws at the first failed request and never reaches
 * `await tx.done`, whose rejection would then surface as an unhandled error.
 * Awaiting `tx.done` later still rejects as usual.
 */
export function quietDone<T extends { done: Promise<void> }>(tx: T): T {
  tx.done.catch(() => undefined);
  return tx;
}
