// The user's case profile: the facts that fill the phrases' fill-in fields.

/** Every field is a string as the user typed it; an empty string means unknown. */
export interface Profile {
  name: string;
  phone: string;
  account: string;
  /** 花呗, 借呗, credit card… */
  product: string;
  amount: string;
  overdueDays: string;
  /** YYYY-MM-DD */
  proposedDate: string;
  monthlyIncome: string;
  reason: string;
  instalments: string;
}

export const PROFILE_FIELDS = [
  'name',
  'phone',
  'account',
  'product',
  'amount',
  'overdueDays',
  'proposedDate',
  'monthlyIncome',
  'reason',
  'instalments',
] as const satisfies readonly (keyof Profile)[];

export type ProfileField = (typeof PROFILE_FIELDS)[number];

export function emptyProfile(): Profile {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, ''])) as unknown as Profile;
}

/** Keeps only known string fields, so a stored or imported profile can be trusted. */
export function normaliseProfile(value: unknown): Profile {
  const out = emptyProfile();
  if (value && typeof value === 'object') {
    for (const f of PROFILE_FIELDS) {
      const v = (value as Record<string, unknown>)[f];
      if (typeof v === 'string') out[f] = v.trim().slice(0, 500);
    }
  }
  return out;
}

/** Shows an account number with all but its last four characters hidden. */
export function maskAccount(account: string): string {
  const a = account.replace(/\s+/g, '');
  if (a.length <= 4) return a;
  return '•'.repeat(Math.min(a.length - 4, 8)) + a.slice(-4);
}
