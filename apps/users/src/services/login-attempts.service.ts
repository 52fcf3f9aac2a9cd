import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuthConfig } from '@galley/config';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { DEVICE_TTL_SECONDS, deviceTokenHash, isDeviceToken, newDeviceToken } from '../domain/device-cookie';
import { loginGate, LoginThrottlePolicy } from '../domain/login-throttle';
import { UsersError, UsersErrorCode } from '../domain/users-error';
import { UsersStore } from '../repositories/users-store';

/** Who is trying: the client's address (as the gateway gave it) and its device marker, if any. */
export interface LoginClient {
  address: string;
  deviceToken?: string;
}

/**
 * Failed logins per (email, client address) and per email, shared by every instance through
 * Postgres, and the device markers of clients that signed in (see `loginGate`). An attempt is
 * recorded before the password is checked (so parallel guesses cannot all slip under the limit)
 * and forgotten, with that client's earlier failures of the email, when the password was right.
 */
@Injectable()
export class LoginAttemptsService implements OnApplicationBootstrap {
  private readonly policy: LoginThrottlePolicy;

  constructor(
    private readonly store: UsersStore,
    @Inject(AUTH_CONFIG) config: AuthConfig,
  ) {
    this.policy = {
      clientFreeFailures: config.LOGIN_FAILURES_PER_CLIENT,
      emailFreeFailures: config.LOGIN_FAILURES_PER_EMAIL,
      baseDelaySeconds: config.LOGIN_SLOWDOWN_BASE_SECONDS,
      maxDelaySeconds: config.LOGIN_SLOWDOWN_MAX_SECONDS,
      windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    await this.store.read.loginAttempts.purgeBefore(this.windowStart(now));
    await this.store.read.loginAttempts.purgeDevicesBefore(new Date(now.getTime() - DEVICE_TTL_SECONDS * 1000));
  }

  /**
   * Records an attempt of `email` by `client`, or refuses it with the seconds to wait while the
   * client is slowed down. `knownClient` says the caller already proved a sign-in of this account
   * (a password change with a valid access token): failures of other clients do not slow it.
   */
  async admit(email: string, client: LoginClient, knownClient = false): Promise<void> {
    const gate = await this.store.transaction(async (tx) => {
      await tx.loginAttempts.lockEmail(email);
      const now = new Date();
      await tx.loginAttempts.purgeBefore(this.windowStart(now), email);
      const failures = await tx.loginAttempts.since(email, client.address, this.windowStart(now));
      const knownDevice = knownClient || (isDeviceToken(client.deviceToken) && (await tx.loginAttempts.isKnownDevice(email, deviceTokenHash(client.deviceToken))));
      const verdict = loginGate({ clientFailures: failures.client, emailFailures: failures.email, knownDevice }, now, this.policy);
      if (verdict.allowed) await tx.loginAttempts.record(email, client.address, now);
      return verdict;
    });
    if (!gate.allowed) {
      throw new UsersError(UsersErrorCode.TooManyFailedLogins, 'Too many failed logins for this email from here; try again after the time in Retry-After', gate.retryAfterSeconds);
    }
  }

  /**
   * The password was right: this client's earlier failures of the email no longer count. With an
   * account, the client's device marker is remembered for it; returns the marker to (re)set.
   */
  async succeeded(email: string, client: LoginClient, accountId?: string): Promise<string | undefined> {
    await this.store.read.loginAttempts.clear(email, client.address);
    if (!accountId) return undefined;
    const token = isDeviceToken(client.deviceToken) ? client.deviceToken : newDeviceToken();
    await this.store.read.loginAttempts.rememberDevice(accountId, deviceTokenHash(token), new Date());
    return token;
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - this.policy.windowSeconds * 1000);
  }
}
