import { EntityManager } from 'typeorm';
import type { Role } from '@galley/auth';
import { CreatedAtPosition, isUniqueViolation, queryRow, queryRows } from '@galley/platform';
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

const COLUMNS = `id, email, name, role, password_hash, guest, created_at, updated_at, password_changed_at`;

/** Queries on `users.accounts`; no rules. */
export class AccountsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts the account unless its email is taken (then undefined); safe under concurrency. */
  async insertIfEmailFree(account: NewAccount): Promise<AccountEntity | undefined> {
    const inserted = await queryRows(
      this.manager,
      `INSERT INTO "users".accounts (id, email, name, role, password_hash, guest, created_at, updated_at, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [account.id, account.email, account.name, account.role, account.passwordHash, account.guest ?? false, account.at],
    );
    if (inserted.length === 0) return undefined;
    return (await this.findById(account.id)) ?? undefined;
  }

  findById(id: string): Promise<AccountEntity | null> {
    return queryRow<AccountEntity>(this.manager, `SELECT ${COLUMNS} FROM "users".accounts WHERE id = $1 LIMIT 1`, [id]);
  }

  /** The full account with this email (guests are not found: several may share an email). */
  findByEmail(email: string): Promise<AccountEntity | null> {
    return queryRow<AccountEntity>(this.manager, `SELECT ${COLUMNS} FROM "users".accounts WHERE email = $1 AND guest = false LIMIT 1`, [email]);
  }

  /**
   * Turns a guest into a full account, keeping its id; false when it is not (or no longer) a
   * guest. Throws the unique violation of `isEmailTakenError` when a full account has the email.
   */
  async upgradeGuest(id: string, upgrade: GuestUpgrade): Promise<boolean> {
    const changed = await queryRows(
      this.manager,
      `UPDATE "users".accounts SET guest = false, email = $2, name = $3, password_hash = $4, updated_at = $5, password_changed_at = $5
        WHERE id = $1 AND guest = true RETURNING id`,
      [id, upgrade.email, upgrade.name, upgrade.passwordHash, upgrade.at],
    );
    return changed.length > 0;
  }

  /** Serialises writers of one account (e.g. address limits) for the rest of the transaction. */
  async lockById(id: string): Promise<boolean> {
    const rows = await queryRows(this.manager, `SELECT id FROM "users".accounts WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  async rename(id: string, name: string, at: Date): Promise<AccountEntity | null> {
    await this.manager.query(`UPDATE "users".accounts SET name = $2, updated_at = $3 WHERE id = $1`, [id, name, at]);
    return this.findById(id);
  }

  async setPasswordHash(id: string, passwordHash: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE "users".accounts SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1`, [id, passwordHash, at]);
  }

  /** A rehash with new parameters: only if the hash is still the one that was verified. */
  async replacePasswordHash(id: string, verifiedHash: string, upgradedHash: string): Promise<boolean> {
    const changed = await queryRows(this.manager, `UPDATE "users".accounts SET password_hash = $3 WHERE id = $1 AND password_hash = $2 RETURNING id`, [
      id,
      verifiedHash,
      upgradedHash,
    ]);
    return changed.length > 0;
  }

  /** Newest first, `limit` accounts after `after`. */
  list(limit: number, after?: CreatedAtPosition): Promise<AccountEntity[]> {
    return after
      ? queryRows<AccountEntity>(this.manager, `SELECT ${COLUMNS} FROM "users".accounts WHERE (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $1`, [
          limit,
          after.createdAt,
          after.id,
        ])
      : queryRows<AccountEntity>(this.manager, `SELECT ${COLUMNS} FROM "users".accounts ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
  }
}
