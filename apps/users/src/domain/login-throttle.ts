/**
 * How failed logins slow down further attempts. Failures are counted per (email, client address)
 * and per email, within a sliding window. A client gets `clientFreeFailures` free failures of an
 * email; after that it must wait, from its latest failure, a delay that doubles with each further
 * failure (`baseDelaySeconds`, 2×, 4×, … up to `maxDelaySeconds`). Clients the account does not
 * know (no device marker from an earlier successful sign-in) also wait that way once the email
 * has `emailFreeFailures` failures from all clients together. Nobody is locked out for good, and a
 * known device is never slowed by failures that other clients made.
 */
export interface LoginThrottlePolicy {
  clientFreeFailures: number;
  emailFreeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  windowSeconds: number;
}

/** What is known about an attempt before its password is checked. */
export interface LoginHistory {
  /** Start times of this client's failed (or still unfinished) attempts of the email. */
  clientFailures: readonly Date[];
  /** Start times of every client's failed (or unfinished) attempts of the email, this client's included. */
  emailFailures: readonly Date[];
  /** Whether the client holds a device marker of the email's account (it signed in from there before). */
  knownDevice: boolean;
}

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The delay owed after `failures` failures when `free` are free (0 while under it). */
export function slowdownSeconds(failures: number, free: number, policy: Pick<LoginThrottlePolicy, 'baseDelaySeconds' | 'maxDelaySeconds'>): number {
  if (failures < free) return 0;
  // 2^(failures - free) without overflowing: past 2^30 the cap has long applied.
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.min(failures - free, 30));
}

/** Milliseconds until another attempt is allowed after these failures (0: now). */
function waitMs(failures: readonly Date[], free: number, now: Date, policy: LoginThrottlePolicy): number {
  const windowMs = policy.windowSeconds * 1000;
  // An attempt stamped a little after `now` (another instance's clock, or one that got the lock
  // first) counts too: erring towards counting is the safe side.
  const recent = failures.map((at) => at.getTime()).filter((at) => now.getTime() - at < windowMs);
  const delay = slowdownSeconds(recent.length, free, policy);
  if (delay === 0) return 0;
  return Math.max(0, Math.max(...recent) + delay * 1000 - now.getTime());
}

/**
 * Whether this attempt may check its password now. Refused attempts are not recorded, so waiting
 * always ends the delay, and the right password is refused only while the delay runs.
 */
export function loginGate(history: LoginHistory, now: Date, policy: LoginThrottlePolicy): LoginGate {
  const client = waitMs(history.clientFailures, policy.clientFreeFailures, now, policy);
  const email = history.knownDevice ? 0 : waitMs(history.emailFailures, policy.emailFreeFailures, now, policy);
  const wait = Math.max(client, email);
  return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}
