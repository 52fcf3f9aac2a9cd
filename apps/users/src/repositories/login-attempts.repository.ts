import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';

/** Queries on `users.login_attempts` (logins of an email that have not succeeded) and `users.login_devices`. */
export class LoginAttemptsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Serialises the attempt bookkeeping of one email across every instance, until the transaction ends. */
  async lockEmail(email: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('users.login:' || $1, 0))`, [email]);
  }

  /** Start times of the email's attempts since `since` from every client, and from `clientAddress`. */
  async since(email: string, clientAddress: string, since: Date): Promise<{ email: Date[]; client: Date[] }> {
    const rows = await queryRows<{ attemptedAt: Date; clientAddress: string }>(
      this.manager,
      `SELECT attempted_at, client_address FROM "users".login_attempts WHERE email = $1 AND attempted_at > $2 ORDER BY attempted_at DESC`,
      [email, since],
    );
    return {
      email: rows.map((row) => row.attemptedAt),
      client: rows.filter((row) => row.clientAddress === clientAddress).map((row) => row.attemptedAt),
    };
  }

  async record(email: string, clientAddress: string, at: Date): Promise<void> {
    await this.manager.query(`INSERT INTO "users".login_attempts (email, client_address, attempted_at) VALUES ($1, $2, $3)`, [email, clientAddress, at]);
  }

  /** Forgets the attempts of the email from one client (after it signed in). */
  async clear(email: string, clientAddress: string): Promise<void> {
    await this.manager.query(`DELETE FROM "users".login_attempts WHERE email = $1 AND client_address = $2`, [email, clientAddress]);
  }

  /** Drops attempts that no window can count any more. */
  async purgeBefore(before: Date, email?: string): Promise<void> {
    if (email) await this.manager.query(`DELETE FROM "users".login_attempts WHERE email = $1 AND attempted_at <= $2`, [email, before]);
    else await this.manager.query(`DELETE FROM "users".login_attempts WHERE attempted_at <= $1`, [before]);
  }

  /** Whether the device token (its hash) signed in before to the full account with this email. */
  async isKnownDevice(email: string, tokenHash: string): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `SELECT 1 FROM "users".login_devices d JOIN "users".accounts a ON a.id = d.account_id
       WHERE d.token_hash = $1 AND a.email = $2 AND NOT a.guest LIMIT 1`,
      [tokenHash, email],
    );
    return rows.length > 0;
  }

  async rememberDevice(accountId: string, tokenHash: string, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO "users".login_devices (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (token_hash, account_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
      [tokenHash, accountId, at],
    );
  }

  /** Forgets devices not seen since `before`. */
  async purgeDevicesBefore(before: Date): Promise<void> {
    await this.manager.query(`DELETE FROM "users".login_devices WHERE last_seen_at <= $1`, [before]);
  }
}
