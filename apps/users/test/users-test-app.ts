import { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import request from 'supertest';
import { generateSigningJwk, PrivateSigningJwk } from '@galley/auth';
import { AuthConfig, loadAuthConfig, loadServiceConfig } from '@galley/config';
import { createHttpApp } from '@galley/platform';
import { adminPool, testEnvironment, uniqueSuffix } from '@galley/testing';
import { UsersModule } from '../src/users.module';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const PASSWORD = 'correct horse battery';

/**
 * The users service in-process on a random port, against galley_test (migrated by `npm test`) and
 * the test broker, signing with a key the test holds. Accounts it creates are tracked by email
 * and deleted, with their outbox rows and login attempts, by `close()`.
 */
export class UsersTestApp {
  private readonly emails = new Set<string>();
  /** Accounts known by id (guests may have no email). */
  private readonly accountIds = new Set<string>();

  private constructor(
    readonly app: NestExpressApplication,
    readonly auth: AuthConfig,
    readonly signingJwk: PrivateSigningJwk,
    readonly adminEmail: string,
    readonly db: Pool,
  ) {
    this.emails.add(adminEmail);
  }

  static async start(overrides: Record<string, string> = {}): Promise<UsersTestApp> {
    const signingJwk = await generateSigningJwk();
    const adminEmail = `admin-${uniqueSuffix()}@galley.test`;
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.USERS_TEST_LOG_LEVEL ?? 'error',
      HOST: '127.0.0.1',
      DB_HOST: testEnvironment.dbHost,
      DB_PORT: String(testEnvironment.dbPort),
      DB_NAME: testEnvironment.databaseName,
      DB_USER: 'galley_users',
      DB_PASSWORD: process.env.DB_PASSWORD_USERS ?? 'galley_users_dev',
      DB_POOL_SIZE: '5',
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: '',
      JWT_PRIVATE_KEY: JSON.stringify(signingJwk),
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD,
      ...overrides,
    };
    const auth = loadAuthConfig(env);
    // The per-address budget of /api/auth lives in Postgres (shared by every instance): each test
    // app starts with a fresh one, as it did when the budget was in each instance's memory.
    const db = adminPool();
    await db.query(`DELETE FROM users.rate_limit_hits`);
    const app = await createHttpApp(UsersModule.forRoot(loadServiceConfig('users', env), auth), { app: 'users', description: 'users under test' });
    await app.listen(0, '127.0.0.1');
    return new UsersTestApp(app, auth, signingJwk, adminEmail, db);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  /** A fresh email for this test run (lower-case), deleted with its account by close(). */
  email(label: string): string {
    const email = `${label}-${uniqueSuffix()}@example.com`.toLowerCase();
    this.emails.add(email);
    return email;
  }

  async register(label: string, password = PASSWORD): Promise<{ id: string; email: string; password: string }> {
    const email = this.email(label);
    const res = await this.http.post('/api/auth/register').send({ email, password, name: label }).expect(201);
    return { id: res.body.id, email, password };
  }

  async login(email: string, password = PASSWORD): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
    const res = await this.http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async signedIn(label: string): Promise<{ id: string; email: string; accessToken: string; refreshToken: string }> {
    const account = await this.register(label);
    return { ...account, ...(await this.login(account.email)) };
  }

  /** Deleted by close() although it may have no email (a guest). */
  track(accountId: string): void {
    this.accountIds.add(accountId);
  }

  async adminToken(): Promise<string> {
    return (await this.login(this.adminEmail, ADMIN_PASSWORD)).accessToken;
  }

  async close(): Promise<void> {
    const emails = [...this.emails];
    try {
      await this.app.close();
    } finally {
      await this.db.query(`DELETE FROM users.outbox WHERE envelope->'payload'->>'email' = ANY($1)`, [emails]);
      await this.db.query(`DELETE FROM users.outbox WHERE message_key = ANY($1)`, [[...this.accountIds]]);
      // session.revoked carries the account id, not the email.
      await this.db.query(`DELETE FROM users.outbox WHERE message_key IN (SELECT id::text FROM users.accounts WHERE email = ANY($1))`, [emails]);
      await this.db.query(`DELETE FROM users.accounts WHERE email = ANY($1) OR id = ANY($2::uuid[])`, [emails, [...this.accountIds]]);
      await this.db.query(`DELETE FROM users.login_attempts WHERE email = ANY($1)`, [emails]);
      await this.db.end();
    }
  }
}
