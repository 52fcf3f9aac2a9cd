/** How many failed logins of one email are tolerated within a sliding window. */
export interface FailedLoginPolicy {
  limit: number;
  windowSeconds: number;
}

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Whether another login of an email may be tried, given when its recent failed (or still
 * unfinished) attempts started. Only failures count: a successful login clears them. Once the
 * limit is reached every attempt, with the right password too, waits until enough failures have
 * left the window; refused attempts are not recorded, so waiting always ends the lock.
 */
export function loginGate(attempts: readonly Date[], now: Date, policy: FailedLoginPolicy): LoginGate {
  const windowMs = policy.windowSeconds * 1000;
  const recent = attempts
    .map((at) => at.getTime())
    // An attempt stamped a little after `now` (another instance's clock, or one that got the lock
    // first) counts too: erring towards counting is the safe side.
    .filter((at) => now.getTime() - at < windowMs)
    .sort((a, b) => b - a);
  if (recent.length < policy.limit) return { allowed: true };
  // The lock lifts when the limit-th most recent failure leaves the window.
  const liftsAt = recent[policy.limit - 1] + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((liftsAt - now.getTime()) / 1000)) };
}
