/** Days as the settings name them, Monday first. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM` local times; `close` of `24:00` ends at midnight, a `close` at or before `open` ends the next day. */
export interface OpeningInterval {
  open: string;
  close: string;
}

export interface StoreSettings {
  /** IANA time zone the opening hours are written in, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Intervals per weekday; an empty list means closed all day. */
  openingHours: Record<Weekday, OpeningInterval[]>;
  /** Orders in the kitchen at once (placed and not yet completed); null for no limit. */
  kitchenCapacity: number | null;
}

/** The development default: open around the clock, no capacity limit. */
export const ALWAYS_OPEN: StoreSettings = {
  timeZone: 'UTC',
  openingHours: Object.fromEntries(WEEKDAYS.map((day) => [day, [{ open: '00:00', close: '24:00' }]])) as Record<Weekday, OpeningInterval[]>,
  kitchenCapacity: null,
};

export type OrderingDecision = { accepted: true } | { accepted: false; reason: string; retryAt: Date | null };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Problems with settings an admin sends, each naming its field. */
export function storeSettingsProblems(settings: StoreSettings): string[] {
  const problems: string[] = [];
  if (!isTimeZone(settings.timeZone)) problems.push(`timeZone: ${JSON.stringify(settings.timeZone)} is not an IANA time zone such as Europe/Berlin`);
  for (const day of WEEKDAYS) {
    (settings.openingHours[day] ?? []).forEach((interval, index) => {
      const field = `openingHours.${day}[${index}]`;
      if (!TIME.test(interval.open) || interval.open === '24:00') problems.push(`${field}.open must be a time from 00:00 to 23:59`);
      if (!TIME.test(interval.close)) problems.push(`${field}.close must be a time from 00:00 to 24:00`);
    });
  }
  return problems;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a new order is taken at `now`: refused outside opening hours (with the next opening), while staff paused
 * ordering (until `pausedUntil`), or when the kitchen already holds `kitchenCapacity` active orders.
 */
export function decideOrdering(settings: StoreSettings, now: Date, activeOrders: number, pausedUntil: Date | null = null): OrderingDecision {
  if (!isOpenAt(settings, now)) {
    const next = nextOpening(settings, now);
    return {
      accepted: false,
      reason: next ? `the store is closed; orders are taken again from ${formatLocal(next, settings.timeZone)}` : 'the store is closed and has no opening hours set',
      retryAt: next,
    };
  }
  if (pausedUntil !== null && pausedUntil > now) {
    return {
      accepted: false,
      reason: `the store is busy and has paused new orders; orders are taken again from ${formatLocal(pausedUntil, settings.timeZone)}`,
      retryAt: pausedUntil,
    };
  }
  if (settings.kitchenCapacity !== null && activeOrders >= settings.kitchenCapacity) {
    return {
      accepted: false,
      reason: `the kitchen is at capacity (${settings.kitchenCapacity} active orders); try again in a few minutes`,
      retryAt: new Date(now.getTime() + 5 * 60_000),
    };
  }
  return { accepted: true };
}

export function isOpenAt(settings: StoreSettings, now: Date): boolean {
  const local = localParts(now, settings.timeZone);
  const minute = local.hour * 60 + local.minute;
  const today = WEEKDAYS[local.weekdayIndex];
  const yesterday = WEEKDAYS[(local.weekdayIndex + 6) % 7];
  for (const interval of settings.openingHours[today] ?? []) {
    const [open, close] = [minutesOf(interval.open), minutesOf(interval.close)];
    if (close > open ? minute >= open && minute < close : minute >= open) return true;
  }
  // Intervals that started yesterday and run past midnight.
  for (const interval of settings.openingHours[yesterday] ?? []) {
    const [open, close] = [minutesOf(interval.open), minutesOf(interval.close)];
    if (close <= open && minute < close) return true;
  }
  return false;
}

/** The next instant after `now` at which an opening interval starts, within a week; null if there is none. */
export function nextOpening(settings: StoreSettings, now: Date): Date | null {
  const local = localParts(now, settings.timeZone);
  let best: Date | null = null;
  for (let offset = 0; offset <= 7; offset++) {
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    const weekday = WEEKDAYS[(local.weekdayIndex + offset) % 7];
    for (const interval of settings.openingHours[weekday] ?? []) {
      const start = zonedTimeToUtc(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), minutesOf(interval.open), settings.timeZone);
      if (start > now && (!best || start < best)) best = start;
    }
    if (best) return best;
  }
  return best;
}

/**
 * The next instant after `now` at which the store opens (when closed) or closes (when open), from the opening hours;
 * null when that never happens (open around the clock, or no opening hours at all). Back-to-back intervals (a
 * Friday that runs to 24:00 and a Saturday from 00:00) are one opening: the change is where the state flips.
 */
export function nextChange(settings: StoreSettings, now: Date): Date | null {
  const openNow = isOpenAt(settings, now);
  const local = localParts(now, settings.timeZone);
  const boundaries: Date[] = [];
  // A week of boundaries repeats forever: if none of the next eight days' flips the state, none ever will.
  for (let offset = -1; offset <= 8; offset++) {
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    const weekday = WEEKDAYS[(((local.weekdayIndex + offset) % 7) + 7) % 7];
    for (const interval of settings.openingHours[weekday] ?? []) {
      const [open, close] = [minutesOf(interval.open), minutesOf(interval.close)];
      const at = (minuteOfDay: number) => zonedTimeToUtc(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), minuteOfDay, settings.timeZone);
      boundaries.push(at(open), at(close > open ? close : close + 24 * 60));
    }
  }
  boundaries.sort((a, b) => a.getTime() - b.getTime());
  return boundaries.find((boundary) => boundary > now && isOpenAt(settings, boundary) !== openNow) ?? null;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday. */
  weekdayIndex: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: Date, timeZone: string): LocalParts {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'long',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekdayIndex: WEEKDAYS.indexOf(String(parts.weekday).toLowerCase() as Weekday),
  };
}

/** The UTC instant of a local wall-clock time in `timeZone` (two passes settle daylight-saving edges). */
function zonedTimeToUtc(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

function offsetAt(instant: number, timeZone: string): number {
  const local = localParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

function formatLocal(instant: Date, timeZone: string): string {
  const local = localParts(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[local.weekdayIndex]} ${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(local.hour)}:${pad(local.minute)} (${timeZone})`;
}
