// The profile store: the person's case facts, one record.
import { normaliseProfile, type Profile } from '../profile';
import { SINGLE_RECORD_KEY, type EvidenceDb } from './schema';

/** The stored profile, or an empty one; always normalised. */
export async function getProfile(db: EvidenceDb): Promise<Profile> {
  return normaliseProfile(await db.get('profile', SINGLE_RECORD_KEY));
}

/** Normalises and stores the profile (replacing the old one); resolves to what was stored. */
export async function setProfile(db: EvidenceDb, profile: unknown): Promise<Profile> {
  const clean = normaliseProfile(profile);
  await db.put('profile', clean, SINGLE_RECORD_KEY);
  return clean;
}
