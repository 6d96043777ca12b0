// The service worker's handle on the evidence database: an opener, not a connection,
// so a closed connection (upgrade elsewhere, worker restart) is simply reopened.
import { evidenceDbOpener } from '../lib/store/db';

export const getDb = evidenceDbOpener();
