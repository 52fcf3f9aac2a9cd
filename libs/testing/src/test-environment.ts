import { randomBytes } from 'node:crypto';
import { Pool, PoolConfig } from 'pg';

/**
 * Where integration tests find the real Postgres and Kafka that `npm test` provisioned:
 * the `galley_test` database and the test broker, never the development ones.
 */
export const testEnvironment = {
  databaseName: process.env.GALLEY_TEST_DB_NAME ?? 'galley_test',
  kafkaBrokers: (process.env.GALLEY_TEST_KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
  dbHost: process.env.DB_HOST ?? '127.0.0.1',
  dbPort: Number(process.env.DB_PORT ?? 5432),
};

/** A superuser connection to the test database, for fixtures and assertions. */
export function adminPoolConfig(extra: PoolConfig = {}): PoolConfig {
  return {
    host: testEnvironment.dbHost,
    port: testEnvironment.dbPort,
    user: process.env.PGUSER_ADMIN ?? 'postgres',
    password: process.env.PGPASSWORD_ADMIN,
    database: testEnvironment.databaseName,
    max: 5,
    ...extra,
  };
}

export function adminPool(extra: PoolConfig = {}): Pool {
  return new Pool(adminPoolConfig(extra));
}

/** A short random suffix so parallel or repeated runs never share a schema or a topic. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}
