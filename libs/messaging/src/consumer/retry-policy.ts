import { eventOutcomeOf } from '@galley/errors';

/** Exponential backoff with full jitter, capped, for a handler's next attempt. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs = 10_000, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Thrown by a handler for a failure that no retry can fix (e.g. a business rule): dead-letters at once. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/**
 * Whether a handler's failure is dead-lettered at once: a PermanentEventError, or a DomainError whose
 * service maps its code to 'dead-letter' (`transports.event`). Anything else is retried with backoff.
 */
export function isPermanentEventFailure(error: unknown): boolean {
  return error instanceof PermanentEventError || eventOutcomeOf(error) === 'dead-letter';
}
