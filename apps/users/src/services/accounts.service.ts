import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Role } from '@galley/auth';
import { adminAccountOf, AuthConfig } from '@galley/config';
import { userRegisteredV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { decodeCreatedAtCursorOr, encodeCreatedAtCursor } from '@galley/platform';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { normaliseEmail } from '../domain/email';
import { passwordProblems } from '../domain/password-policy';
import { UsersError, UsersErrorCode } from '../domain/users-error';
import { isEmailTakenError } from '../repositories/accounts.repository';
import { UsersStore } from '../repositories/users-store';
import { AccountEntity } from '../schema/account.entity';
import { LoginAttemptsService, LoginClient } from './login-attempts.service';
import { announceSessionsRevoked } from './session-revocations';
import { PasswordHasher } from './password-hasher.service';

export interface Registration {
  email: string;
  password: string;
  name: string;
}

export interface GuestDetails {
  name?: string;
  email?: string;
}

/** The display name of a guest who gave none. */
export const GUEST_NAME = 'Guest';

export interface AccountPage {
  items: AccountEntity[];
  nextCursor: string | null;
}

/**
 * Accounts: registration (announced through the outbox), guests and their upgrade, profile,
 * password, the start-up admin.
 */
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

  /**
   * A guest account for a checkout without registering: customer role, no password (no one can
   * sign in to it; only its refresh token continues it). Its email, if given, need not be free.
   * Not announced: `user.registered` is published when the guest upgrades.
   */
  async createGuest(details: GuestDetails): Promise<AccountEntity> {
    const email = details.email ? normaliseEmail(details.email) : null;
    const name = details.name?.trim() || GUEST_NAME;
    const account = await this.store.read.accounts.insertIfEmailFree({
      id: randomUUID(),
      email,
      name,
      role: 'customer',
      passwordHash: null,
      guest: true,
      at: new Date(),
    });
    if (!account) throw new Error('a guest account could not be inserted');
    return account;
  }

  /**
   * Turns the guest into a full account with the same id (its orders, addresses and sign-ins stay
   * its own), announced as `user.registered`. 409 when it is no guest or the email is taken.
   */
  async upgradeGuest(accountId: string, registration: Registration): Promise<AccountEntity> {
    const email = normaliseEmail(registration.email);
    const problems = passwordProblems('password', registration.password, { email });
    if (problems.length > 0) throw new UsersError(UsersErrorCode.PasswordPolicy, problems.join('; '));
    const current = await this.profile(accountId);
    if (!current.guest) throw new UsersError(UsersErrorCode.NotAGuest, 'This account is already a full account');
    const passwordHash = await this.hasher.hash(registration.password);
    const emailTaken = () => new UsersError(UsersErrorCode.EmailTaken, 'An account with this email already exists');
    try {
      return await this.store.transaction(async (tx) => {
        if (await tx.accounts.findByEmail(email)) throw emailTaken();
        const upgraded = await tx.accounts.upgradeGuest(accountId, { email, name: registration.name.trim(), passwordHash, at: new Date() });
        if (!upgraded) throw new UsersError(UsersErrorCode.NotAGuest, 'This account is already a full account');
        const account = (await tx.accounts.findById(accountId)) ?? this.missing();
        await this.outbox.append(tx.sql, userRegisteredV1, {
          aggregateId: account.id,
          payload: { userId: account.id, email, name: account.name, role: account.role },
        });
        return account;
      });
    } catch (error) {
      // A registration of the same email that committed between the check and the update.
      if (isEmailTakenError(error)) throw emailTaken();
      throw error;
    }
  }

  async profile(accountId: string): Promise<AccountEntity> {
    return (await this.store.read.accounts.findById(accountId)) ?? this.missing();
  }

  async rename(accountId: string, name: string): Promise<AccountEntity> {
    return (await this.store.read.accounts.rename(accountId, name.trim(), new Date())) ?? this.missing();
  }

  /**
   * Needs the current password (failures count towards the login slowdown of this client, so a stolen
   * access token cannot be used to guess it) and ends every sign-in of the account.
   */
  async changePassword(accountId: string, currentPassword: string, newPassword: string, client: LoginClient): Promise<void> {
    const account = await this.profile(accountId);
    if (account.email === null || account.passwordHash === null) {
      throw new UsersError(UsersErrorCode.GuestHasNoPassword, 'A guest account has no password; upgrade it to a full account first');
    }
    const email = account.email;
    const problems = passwordProblems('newPassword', newPassword, { email, current: currentPassword });
    if (problems.length > 0) throw new UsersError(UsersErrorCode.PasswordPolicy, problems.join('; '));
    // The caller holds a valid access token of the account: other clients' failures do not slow it, its own do.
    await this.attempts.admit(email, client, true);
    if (!(await this.hasher.verify(account.passwordHash, currentPassword))) {
      throw new UsersError(UsersErrorCode.WrongCurrentPassword, 'currentPassword is not the current password');
    }
    await this.attempts.succeeded(email, client);
    const passwordHash = await this.hasher.hash(newPassword);
    const now = new Date();
    const revoked = await this.store.transaction(async (tx) => {
      await tx.accounts.setPasswordHash(accountId, passwordHash, now);
      const sessionIds = await tx.refreshTokens.revokeAllFamilies(accountId, 'password-change', now);
      await announceSessionsRevoked(this.outbox, tx, { accountId, sessionIds, allSessions: true, reason: 'password-change', at: now });
      return sessionIds.length;
    });
    this.logger.log({ accountId, revokedFamilies: revoked }, 'password changed; every refresh family revoked');
  }

  async list(limit: number, cursor?: string): Promise<AccountPage> {
    const after = cursor ? decodeCreatedAtCursorOr(cursor, () => new UsersError(UsersErrorCode.InvalidCursor, 'cursor is not a cursor this list returned')) : undefined;
    const rows = await this.store.read.accounts.list(limit + 1, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCreatedAtCursor(last) : null };
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
        payload: { userId: account.id, email, name: account.name, role: account.role },
      });
      return account;
    });
  }

  private missing(): never {
    throw new UsersError(UsersErrorCode.AccountNotFound, 'The account of this access token no longer exists');
  }
}
