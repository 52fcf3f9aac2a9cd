const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, locale?: string): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** "Wed, Dec 2, 3:05 PM" in the store's time zone. */
export function formatDateTime(value: string | Date, timeZone: string, locale?: string): string {
  return formatter(timeZone, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, locale).format(
    new Date(value),
  );
}

/** "3:05 PM" in the store's time zone. */
export function formatTime(value: string | Date, timeZone: string, locale?: string): string {
  return formatter(timeZone, { hour: 'numeric', minute: '2-digit' }, locale).format(new Date(value));
}

/** The weekday name ("monday") a moment falls on in the store's time zone. */
export function weekdayIn(value: Date, timeZone: string): string {
  return formatter(timeZone, { weekday: 'long' }, 'en-US').format(value).toLowerCase();
}

/** "Today at 11:30 AM", "Tomorrow at 9:00 AM" or a date, for "opens at" messages. */
export function formatWhen(value: string | Date, timeZone: string, now = new Date(), locale?: string): string {
  const day = (d: Date) => formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(d);
  const target = new Date(value);
  const tomorrow = new Date(now.getTime() + 24 * 3600_000);
  if (day(target) === day(now)) return `today at ${formatTime(target, timeZone, locale)}`;
  if (day(target) === day(tomorrow)) return `tomorrow at ${formatTime(target, timeZone, locale)}`;
  return formatDateTime(target, timeZone, locale);
}

/** "11:30" (store wall-clock, from opening hours) → "11:30 AM" without any zone conversion. */
export function formatClock(hhmm: string, locale?: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const d = new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0));
  return formatter('UTC', { hour: 'numeric', minute: '2-digit' }, locale).format(d);
}
