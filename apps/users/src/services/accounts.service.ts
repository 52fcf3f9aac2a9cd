import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Role } from '@galley/auth';
import { adminAccountOf, AuthConfig } from '@galley/config';
import { userRegisteredV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { normaliseEmail } from '../domain/email';
import { decodeCursor, encodeCursor } from '../domain/list-cursor';
import { passwordProblems } from '../domain/password-policy';
import { UsersError, UsersErrorCode } from '../domain/users-error';
import { UsersStore } from '../repositories/users-store';
import { AccountEntity } from '../schema/account.entity';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordHasher } from './password-hasher.service';

export interface Registration {
  email: string;
  password: string;
  name: string;
}

export interface AccountPage {
  items: AccountEntity[];
  nextCursor: string | null;
}

/** Accounts: registration (announced through the outbox), profile, password, the start-up admin. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly store: UsersStore,
    private readonly hasher: PasswordHasher,
    private readonly attempts: LoginAttemptsService,
    private readonly outbox: OutboxWriter,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async register(registration: Registration): Promise<AccountEntity> {
    const email = normaliseEmail(registration.email);
    const problems = passwordProblems('password', registration.password, { email });
    if (problems.length > 0) throw new UsersError(UsersErrorCode.PasswordPolicy, problems.join('; '));
    const account = await this.create(email, registration.name.trim(), 'customer', await this.hasher.hash(registration.password));
    if (!account) throw new UsersError(UsersErrorCode.EmailTaken, 'An account with this email already exists');
    return account;
  }

  async profile(accountId: string): Promise<AccountEntity> {
    return (await this.store.read.accounts.findById(accountId)) ?? this.missing();
  }

  async rename(accountId: string, name: string): Promise<AccountEntity> {
    return (await this.store.read.accounts.rename(accountId, name.trim(), new Date())) ?? this.missing();
  }

  /**
   * Needs the current password (failures count towards the per-email login limit, so a stolen
   * access token cannot be used to guess it) and ends every sign-in of the account.
   */
  async changePassword(accountId: string, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.profile(accountId);
    const problems = passwordProblems('newPassword', newPassword, { email: account.email, current: currentPassword });
    if (problems.length > 0) throw new UsersError(UsersErrorCode.PasswordPolicy, problems.join('; '));
    await this.attempts.admit(account.email);
    if (!(await this.hasher.verify(account.passwordHash, currentPassword))) {
      throw new UsersError(UsersErrorCode.WrongCurrentPassword, 'currentPassword is not the current password');
    }
    await this.attempts.succeeded(account.email);
    const passwordHash = await this.hasher.hash(newPassword);
    const now = new Date();
    const revoked = await this.store.transaction(async (tx) => {
      await tx.accounts.setPasswordHash(accountId, passwordHash, now);
      return tx.refreshTokens.revokeAllFamilies(accountId, 'password-change', now);
    });
    this.logger.log({ accountId, revokedFamilies: revoked }, 'password changed; every refresh family revoked');
  }

  async list(limit: number, cursor?: string): Promise<AccountPage> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await this.store.read.accounts.list(limit + 1, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /** Creates the configured admin account when no account has its email (a no-op otherwise). */
  async ensureAdmin(): Promise<void> {
    const admin = adminAccountOf(this.config);
    if (!admin) return;
    const email = normaliseEmail(admin.email);
    const existing = await this.store.read.accounts.findByEmail(email);
    if (existing) {
      if (existing.role !== 'admin') this.logger.warn({ accountId: existing.id }, 'ADMIN_EMAIL belongs to an account without the admin role; left unchanged');
      return;
    }
    const created = await this.create(email, 'Administrator', 'admin', await this.hasher.hash(admin.password));
    if (created) this.logger.log({ accountId: created.id, email }, 'admin account created');
  }

  /** Inserts the account and its `user.registered` event in one transaction; undefined when the email is taken. */
  private create(email: string, name: string, role: Role, passwordHash: string): Promise<AccountEntity | undefined> {
    return this.store.transaction(async (tx) => {
      const account = await tx.accounts.insertIfEmailFree({ id: randomUUID(), email, name, role, passwordHash, at: new Date() });
      if (!account) return undefined;
      await this.outbox.append(tx.sql, userRegisteredV1, {
        aggregateId: account.id,
        payload: { userId: account.id, email: account.email, name: account.name, role: account.role },
      });
      return account;
    });
  }

  private missing(): never {
    throw new UsersError(UsersErrorCode.AccountNotFound, 'The account of this access token no longer exists');
  }
}
