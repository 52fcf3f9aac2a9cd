import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuthConfig } from '@galley/config';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { FailedLoginPolicy, loginGate } from '../domain/login-throttle';
import { UsersError, UsersErrorCode } from '../domain/users-error';
import { UsersStore } from '../repositories/users-store';

/**
 * The per-email limit on failed logins, shared by every instance through Postgres. An attempt is
 * recorded before the password is checked (so parallel guesses cannot all slip under the limit)
 * and forgotten, with every earlier failure of that email, when the password was right.
 */
@Injectable()
export class LoginAttemptsService implements OnApplicationBootstrap {
  private readonly policy: FailedLoginPolicy;

  constructor(
    private readonly store: UsersStore,
    @Inject(AUTH_CONFIG) config: AuthConfig,
  ) {
    this.policy = { limit: config.LOGIN_FAILURES_PER_EMAIL, windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.store.read.loginAttempts.purgeBefore(this.windowStart(new Date()));
  }

  /** Records an attempt of `email`, or refuses it with the seconds to wait when the limit is reached. */
  async admit(email: string): Promise<void> {
    const gate = await this.store.transaction(async (tx) => {
      await tx.loginAttempts.lockEmail(email);
      const now = new Date();
      await tx.loginAttempts.purgeBefore(this.windowStart(now), email);
      const verdict = loginGate(await tx.loginAttempts.since(email, this.windowStart(now)), now, this.policy);
      if (verdict.allowed) await tx.loginAttempts.record(email, now);
      return verdict;
    });
    if (!gate.allowed) {
      throw new UsersError(UsersErrorCode.TooManyFailedLogins, 'Too many failed logins for this email; try again later', gate.retryAfterSeconds);
    }
  }

  /** The password was right: earlier failures no longer count. */
  async succeeded(email: string): Promise<void> {
    await this.store.read.loginAttempts.clear(email);
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - this.policy.windowSeconds * 1000);
  }
}
