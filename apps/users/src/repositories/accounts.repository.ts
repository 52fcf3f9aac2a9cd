import { EntityManager } from 'typeorm';
import type { Role } from '@galley/auth';
import { CreatedAtPosition, isUniqueViolation } from '@galley/platform';
import { AccountEntity } from '../schema/account.entity';

export interface NewAccount {
  id: string;
  email: string | null;
  name: string;
  role: Role;
  /** Null for a guest. */
  passwordHash: string | null;
  guest?: boolean;
  at: Date;
}

export interface GuestUpgrade {
  email: string;
  name: string;
  passwordHash: string;
  at: Date;
}

/** Whether `error` is the unique index on full accounts' emails refusing a second account. */
export function isEmailTakenError(error: unknown): boolean {
  return isUniqueViolation(error, 'accounts_email_key');
}

/** Queries on `users.accounts`; no rules. */
export class AccountsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts the account unless its email is taken (then undefined); safe under concurrency. */
  async insertIfEmailFree(account: NewAccount): Promise<AccountEntity | undefined> {
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(AccountEntity)
      .values({
        id: account.id,
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: account.passwordHash,
        guest: account.guest ?? false,
        createdAt: account.at,
        updatedAt: account.at,
        passwordChangedAt: account.at,
      })
      .orIgnore()
      .returning('id')
      .execute();
    if (result.raw.length === 0) return undefined;
    return (await this.findById(account.id)) ?? undefined;
  }

  findById(id: string): Promise<AccountEntity | null> {
    return this.manager.findOneBy(AccountEntity, { id });
  }

  /** The full account with this email (guests are not found: several may share an email). */
  findByEmail(email: string): Promise<AccountEntity | null> {
    return this.manager.findOneBy(AccountEntity, { email, guest: false });
  }

  /**
   * Turns a guest into a full account, keeping its id; false when it is not (or no longer) a
   * guest. Throws the unique violation of `isEmailTakenError` when a full account has the email.
   */
  async upgradeGuest(id: string, upgrade: GuestUpgrade): Promise<boolean> {
    const result = await this.manager.update(
      AccountEntity,
      { id, guest: true },
      { guest: false, email: upgrade.email, name: upgrade.name, passwordHash: upgrade.passwordHash, updatedAt: upgrade.at, passwordChangedAt: upgrade.at },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Serialises writers of one account (e.g. address limits) for the rest of the transaction. */
  async lockById(id: string): Promise<boolean> {
    const rows = await this.manager.query(`SELECT id FROM "users".accounts WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  async rename(id: string, name: string, at: Date): Promise<AccountEntity | null> {
    await this.manager.update(AccountEntity, { id }, { name, updatedAt: at });
    return this.findById(id);
  }

  async setPasswordHash(id: string, passwordHash: string, at: Date): Promise<void> {
    await this.manager.update(AccountEntity, { id }, { passwordHash, passwordChangedAt: at, updatedAt: at });
  }

  /** A rehash with new parameters: only if the hash is still the one that was verified. */
  async replacePasswordHash(id: string, verifiedHash: string, upgradedHash: string): Promise<boolean> {
    const result = await this.manager.update(AccountEntity, { id, passwordHash: verifiedHash }, { passwordHash: upgradedHash });
    return (result.affected ?? 0) > 0;
  }

  /** Newest first, `limit` accounts after `after`. */
  list(limit: number, after?: CreatedAtPosition): Promise<AccountEntity[]> {
    const query = this.manager
      .createQueryBuilder(AccountEntity, 'account')
      .orderBy('account.createdAt', 'DESC')
      .addOrderBy('account.id', 'DESC')
      .limit(limit);
    if (after) query.where('(account.createdAt, account.id) < (:createdAt, :id)', { createdAt: after.createdAt, id: after.id });
    return query.getMany();
  }
}
