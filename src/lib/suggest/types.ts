// Types of the phrase library and the suggestion engine.
import type { Locale } from '../messages';

export const STAGES = [
  'open',
  'identify',
  'hardship',
  'willingness',
  'request-deferral',
  'propose-instalments',
  'persist',
  'fees-credit',
  'record-agent',
  'confirm-terms',
  'request-written',
  'closing',
] as const;

export type Stage = (typeof STAGES)[number];

/** A phrase of the library: a template with {field} fill-ins (see lib/profile.ts). */
export interface Phrase {
  id: string;
  stage: Stage;
  locale: Locale;
  /** Text with fill-in fields written as {name}, {amount}, {proposedDate}… */
  text: string;
  /** 'builtin' phrases ship with the extension; 'user' phrases are the person's own. */
  origin: 'builtin' | 'user';
  pinned?: boolean;
  /** For user edits of a builtin phrase: the id it replaces. */
  replaces?: string;
  updatedAt?: string;
}
