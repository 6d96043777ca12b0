// Hook: the case profile, shared by the Suggest panel (inline fill-ins) and the
// Case panel (the form). save() writes it with profile.set and keeps it here.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { emptyProfile, normaliseProfile, type Profile } from '../../lib/profile';
import { api } from '../../ui/api';

export interface ProfileState {
  profile: Profile;
  loaded: boolean;
  save(profile: Profile): Promise<void>;
}

export function useProfile(): ProfileState {
  const [profile, setProfile] = useState<Profile>(emptyProfile);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    api('profile.get', {})
      .then((r) => setProfile(normaliseProfile(r.profile)))
      .catch(() => undefined)
      .finally(() => setLoaded(true));
  }, []);
  const save = useCallback(async (next: Profile) => {
    const clean = normaliseProfile(next);
    await api('profile.set', { profile: clean });
    setProfile(clean);
  }, []);
  return { profile, loaded, save };
}
