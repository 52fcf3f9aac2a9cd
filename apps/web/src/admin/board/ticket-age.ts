/** When a ticket turns amber and red, in minutes since the order was confirmed. Staff set them. */
export type AgeThresholds = { amberMinutes: number; redMinutes: number };
export type AgeLevel = 'fresh' | 'amber' | 'red';

export const DEFAULT_THRESHOLDS: AgeThresholds = { amberMinutes: 10, redMinutes: 20 };
export const THRESHOLDS_KEY = 'galley.admin.board.thresholds';

export function ageLevel(ageMs: number, thresholds: AgeThresholds): AgeLevel {
  const minutes = ageMs / 60_000;
  if (minutes >= thresholds.redMinutes) return 'red';
  if (minutes >= thresholds.amberMinutes) return 'amber';
  return 'fresh';
}

/** "45 s", "7 min", "1 h 05 min". */
export function formatAge(ageMs: number): string {
  const seconds = Math.max(0, Math.floor(ageMs / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Why a pair of thresholds cannot be saved, per field, or an empty object when they can. */
export function validateThresholds(input: { amberMinutes: string; redMinutes: string }): Partial<Record<keyof AgeThresholds, string>> {
  const errors: Partial<Record<keyof AgeThresholds, string>> = {};
  const amber = Number(input.amberMinutes);
  const red = Number(input.redMinutes);
  if (input.amberMinutes.trim() === '' || !Number.isInteger(amber) || amber < 1 || amber > 600) {
    errors.amberMinutes = 'Enter whole minutes from 1 to 600.';
  }
  if (input.redMinutes.trim() === '' || !Number.isInteger(red) || red < 1 || red > 600) {
    errors.redMinutes = 'Enter whole minutes from 1 to 600.';
  } else if (!errors.amberMinutes && red <= amber) {
    errors.redMinutes = 'Red must come after amber.';
  }
  return errors;
}

export function loadThresholds(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): AgeThresholds {
  try {
    const raw = storage?.getItem(THRESHOLDS_KEY);
    if (!raw) return DEFAULT_THRESHOLDS;
    const parsed = JSON.parse(raw) as Partial<AgeThresholds>;
    const errors = validateThresholds({ amberMinutes: String(parsed.amberMinutes ?? ''), redMinutes: String(parsed.redMinutes ?? '') });
    if (Object.keys(errors).length > 0) return DEFAULT_THRESHOLDS;
    return { amberMinutes: Number(parsed.amberMinutes), redMinutes: Number(parsed.redMinutes) };
  } catch {
    return DEFAULT_THRESHOLDS;
  }
}

export function saveThresholds(thresholds: AgeThresholds, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(THRESHOLDS_KEY, JSON.stringify(thresholds));
  } catch {
    /* private mode: the thresholds last for this visit */
  }
}

export function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : undefined;
  } catch {
    return undefined;
  }
}
