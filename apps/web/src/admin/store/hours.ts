export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Interval = { open: string; close: string };
export type Hours = Record<Weekday, Interval[]>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTime(value: string, allowMidnightEnd = false): boolean {
  return TIME.test(value) || (allowMidnightEnd && value === '24:00');
}

function minutes(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Problems per weekday and interval index ("monday.0.close") as sentences; empty when the hours can be saved. */
export function validateHours(hours: Hours): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    const intervals = hours[day];
    intervals.forEach((iv, i) => {
      if (!isTime(iv.open)) errors[`${day}.${i}.open`] = 'Use the 24-hour form HH:MM, e.g. 11:30.';
      if (!isTime(iv.close, true)) errors[`${day}.${i}.close`] = 'Use HH:MM, e.g. 22:00 (24:00 for midnight).';
    });
    // Same-day intervals must not overlap (one that closes at or before it opens runs past midnight: checked last).
    const sameDay = intervals
      .map((iv, i) => ({ ...iv, i }))
      .filter((iv) => isTime(iv.open) && isTime(iv.close, true) && minutes(iv.close) > minutes(iv.open))
      .sort((a, b) => minutes(a.open) - minutes(b.open));
    for (let k = 1; k < sameDay.length; k++) {
      if (minutes(sameDay[k]!.open) < minutes(sameDay[k - 1]!.close)) {
        errors[`${day}.${sameDay[k]!.i}.open`] = `Overlaps the hours from ${sameDay[k - 1]!.open} to ${sameDay[k - 1]!.close}.`;
      }
    }
    const overnight = intervals.filter((iv) => isTime(iv.open) && isTime(iv.close, true) && minutes(iv.close) <= minutes(iv.open));
    if (overnight.length > 1) errors[`${day}.overnight`] = 'Only one opening may run past midnight.';
  }
  return errors;
}

/** "11:30–22:00, closes the next day at 02:00" style summary of a day, or "Closed". */
export function describeDay(intervals: readonly Interval[]): string {
  if (intervals.length === 0) return 'Closed';
  return intervals
    .map((iv) => (iv.open === '00:00' && iv.close === '24:00' ? 'Open all day' : minutes(iv.close) <= minutes(iv.open) ? `${iv.open}–${iv.close} (next day)` : `${iv.open}–${iv.close}`))
    .join(', ');
}

/** Kitchen capacity field: blank for no limit, else a whole number from 1. */
export function parseCapacity(value: string): { value: number | null } | { error: string } {
  if (value.trim() === '') return { value: null };
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) return { error: 'Enter a whole number from 1 to 1000, or leave it blank for no limit.' };
  return { value: n };
}
