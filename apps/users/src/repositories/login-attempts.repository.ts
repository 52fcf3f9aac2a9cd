import { EntityManager } from 'typeorm';

/** Queries on `users.login_attempts`: logins of an email that have not succeeded. */
export class LoginAttemptsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Serialises the attempt bookkeeping of one email across every instance, until the transaction ends. */
  async lockEmail(email: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('users.login:' || $1, 0))`, [email]);
  }

  /** Start times of the email's attempts since `since`, newest first. */
  async since(email: string, since: Date): Promise<Date[]> {
    const rows: { attempted_at: Date }[] = await this.manager.query(
      `SELECT attempted_at FROM "users".login_attempts WHERE email = $1 AND attempted_at > $2 ORDER BY attempted_at DESC`,
      [email, since],
    );
    return rows.map((row) => row.attempted_at);
  }

  async record(email: string, at: Date): Promise<void> {
    await this.manager.query(`INSERT INTO "users".login_attempts (email, attempted_at) VALUES ($1, $2)`, [email, at]);
  }

  /** Forgets the email's attempts (after a successful login). */
  async clear(email: string): Promise<void> {
    await this.manager.query(`DELETE FROM "users".login_attempts WHERE email = $1`, [email]);
  }

  /** Drops attempts that no window can count any more. */
  async purgeBefore(before: Date, email?: string): Promise<void> {
    if (email) await this.manager.query(`DELETE FROM "users".login_attempts WHERE email = $1 AND attempted_at <= $2`, [email, before]);
    else await this.manager.query(`DELETE FROM "users".login_attempts WHERE attempted_at <= $1`, [before]);
  }
}
