import { isOpenAt, nextChange, StoreSettings } from './store-hours';

/** Everything staff set about the store: hours and capacity, the name and description customers see, a pause. */
export interface StoreProfile extends StoreSettings {
  name: string;
  description: string;
  /** Null unless a pause is running (a pause that ended reads as null). */
  pausedUntil: Date | null;
  pauseReason: string | null;
}

/** The name a store has until staff give it one. */
export const DEFAULT_STORE_NAME = 'Galley';

/** Longest pause staff can set at once, in minutes (four hours). */
export const MAX_PAUSE_MINUTES = 240;

/** What the storefront shows about the store right now. */
export interface StoreStatus {
  openNow: boolean;
  /** The next opening (when closed) or closing (when open); null when open around the clock or never open. */
  nextChangeAt: Date | null;
  /** Open and not paused by staff. */
  acceptingOrders: boolean;
  /** Null unless a pause is still running at `now`. */
  pausedUntil: Date | null;
}

/** A pause is a timestamp: once `now` passes it, the store is simply not paused any more. */
export function activePause(pausedUntil: Date | null, now: Date): Date | null {
  return pausedUntil !== null && pausedUntil > now ? pausedUntil : null;
}

/** The end of a pause of `minutes` starting at `now`. */
export function pauseEnd(now: Date, minutes: number): Date {
  return new Date(now.getTime() + minutes * 60_000);
}

export function storeStatus(settings: StoreSettings, pausedUntil: Date | null, now: Date): StoreStatus {
  const openNow = isOpenAt(settings, now);
  const pause = activePause(pausedUntil, now);
  return { openNow, nextChangeAt: nextChange(settings, now), acceptingOrders: openNow && pause === null, pausedUntil: pause };
}
