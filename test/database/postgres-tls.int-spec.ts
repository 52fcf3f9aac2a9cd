import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { generateSigningJwk, parseSigningKey, AccessTokenIssuer } from '@galley/auth';
import { loadServiceConfig, postgresConnectionOptions } from '@galley/config';
import { createHttpApp, serviceDataSourceOptions } from '@galley/platform';
import { createServiceTopics, freePort, uniqueSuffix, waitFor } from '@galley/testing';
import { loadReviewsConfig } from '../../apps/reviews/src/config/reviews-config';
import { ReviewsStore } from '../../apps/reviews/src/repositories/reviews-store';
import { ReviewsModule } from '../../apps/reviews/src/reviews.module';
import { reviewsSchema } from '../../apps/reviews/src/schema/reviews.schema';
import { reviewsTestEnv } from '../../apps/reviews/test/reviews-test-app';
import { PostgresCluster, runCommand } from '../../scripts/lib/postgres-cluster';

/**
 * A Postgres that takes TLS connections only (self-signed CA, server certificate for localhost and 127.0.0.1,
 * `hostssl` lines only in pg_hba.conf), started for this spec with initdb on a free port, provisioned like galley_test.
 * The reviews service connects to it the way production does, from DB_SSL_MODE and DB_SSL_CA_FILE.
 */
const DATABASE = 'galley_tls';
const PASSWORD = 'galley_reviews_tls';
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-pg-tls-'));
const caFile = path.join(workDir, 'ca.crt');
const wrongCaFile = path.join(workDir, 'wrong-ca.crt');
let cluster: PostgresCluster;

async function openssl(...args: string[]): Promise<void> {
  await runCommand('openssl', args);
}

/** A CA, a server certificate it signs (CN localhost, SAN localhost and 127.0.0.1), and an unrelated CA. */
async function makeCertificates(): Promise<{ cert: string; key: string }> {
  const file = (name: string) => path.join(workDir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', caFile, '-days', '2', '-subj', '/CN=Galley TLS test CA');
  await openssl('req', '-x509', ...ec, '-keyout', file('wrong-ca.key'), '-out', wrongCaFile, '-days', '2', '-subj', '/CN=Some other CA');
  await openssl('req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost');
  fs.writeFileSync(file('server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  await openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    caFile,
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.crt'),
    '-days',
    '2',
    '-extfile',
    file('server.ext'),
  );
  return { cert: fs.readFileSync(file('server.crt'), 'utf8'), key: fs.readFileSync(file('server.key'), 'utf8') };
}

/** The reviews service's settings against the TLS cluster. */
function tlsEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return reviewsTestEnv({
    DB_HOST: '127.0.0.1',
    DB_PORT: String(cluster.port),
    DB_NAME: DATABASE,
    DB_PASSWORD: PASSWORD,
    DB_POOL_SIZE: '2',
    ...overrides,
  });
}

/** A superuser session over TLS (pg_hba.conf trusts postgres only over hostssl). */
async function superuser(): Promise<Client> {
  const client = new Client({ host: '127.0.0.1', port: cluster.port, user: 'postgres', database: DATABASE, ssl: { ca: fs.readFileSync(caFile, 'utf8') } });
  await client.connect();
  return client;
}

beforeAll(async () => {
  // The cluster runs as the postgres account when the tests run as root: it must reach its data directory in here.
  fs.chmodSync(workDir, 0o711);
  cluster = new PostgresCluster(path.join(workDir, 'data'), await freePort());
  const { cert, key } = await makeCertificates();
  await cluster.init();
  await cluster.writeFile('server.crt', cert, 0o644);
  await cluster.writeFile('server.key', key, 0o600);
  // TLS or nothing: no `host` line, so a plaintext connection finds no entry and is refused.
  await cluster.writeFile('pg_hba.conf', 'hostssl all postgres 127.0.0.0/8 trust\nhostssl all all 127.0.0.0/8 scram-sha-256\n');
  await cluster.start({ listen_addresses: '127.0.0.1,127.0.0.2', ssl: 'on', ssl_cert_file: 'server.crt', ssl_key_file: 'server.key', max_connections: 40 });
  // Database, roles, schemas and extensions exactly as `npm test` provisions galley_test (scripts/lib/postgres.mjs).
  const ensure = `import { ensureDatabase } from ${JSON.stringify(path.resolve('scripts/lib/postgres.mjs'))}; await ensureDatabase(${JSON.stringify(DATABASE)});`;
  await runCommand(process.execPath, ['--input-type=module', '-e', ensure], {
    ...process.env,
    PGHOST_ADMIN: '127.0.0.1',
    PGUSER_ADMIN: 'postgres',
    PGPASSWORD_ADMIN: '',
    DB_PORT: String(cluster.port),
    PGSSLMODE: 'no-verify',
    DB_PASSWORD_REVIEWS: PASSWORD,
  });
}, 60_000);

afterAll(async () => {
  await cluster?.remove().catch(() => undefined);
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('Postgres over TLS', () => {
  it('migrates, serves and relays with DB_SSL_MODE=verify-full, every connection of the service encrypted', async () => {
    const env = tlsEnv({ DB_SSL_MODE: 'verify-full', DB_SSL_CA_FILE: caFile, KAFKA_TOPIC_PREFIX: `tls${uniqueSuffix()}.` });
    const config = loadServiceConfig('reviews', env);

    // The migration runner's connection (scripts/setup-services.ts: the production data source, runMigrations).
    const migrations = new DataSource(serviceDataSourceOptions('reviews', config, reviewsSchema));
    await migrations.initialize();
    try {
      expect((await migrations.runMigrations({ transaction: 'each' })).length).toBeGreaterThan(0);
      const [session] = await migrations.query('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      expect(session).toEqual({ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/) });
      // A store on that data source reads through the TLS connection.
      await expect(new ReviewsStore(migrations).read.aggregates.find(randomUUID())).resolves.toBeNull();
    } finally {
      await migrations.destroy();
    }

    // The whole service: its TypeORM pool, and the messaging runtime's outbox relay pool and LISTEN client.
    await createServiceTopics(config.KAFKA_TOPIC_PREFIX, { partitions: 1 });
    const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const appEnv = { ...env, JWT_PUBLIC_KEYS: JSON.stringify(issuer.jwks()) };
    const app: NestExpressApplication = await createHttpApp(ReviewsModule.forRoot(loadServiceConfig('reviews', appEnv), loadReviewsConfig(appEnv)), {
      app: 'reviews',
      description: 'reviews over TLS',
      bodyLimit: '1mb',
    });
    await app.listen(0, '127.0.0.1');
    const admin = await superuser();
    try {
      const rating = await request(app.getHttpServer()).get(`/api/products/${randomUUID()}/rating`);
      expect(rating.status).toBe(200);
      expect(rating.body).toMatchObject({ count: 0 });
      const [own] = await app.get(DataSource).query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      expect(own).toEqual({ ssl: true });

      // The relay connects once Kafka is reached; its LISTEN client copies the pool's options.
      const sessions = await waitFor(
        async () => {
          const { rows } = await admin.query<{ application_name: string; ssl: boolean }>(
            `SELECT a.application_name, s.ssl FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.usename = 'galley_reviews'`,
          );
          const relay = rows.filter((row) => row.application_name === 'galley-reviews-relay');
          return relay.length >= 1 && rows;
        },
        { timeoutMs: 20_000, what: 'the outbox relay connected' },
      );
      expect(new Set(sessions.map((row) => row.application_name))).toEqual(new Set(['galley-reviews', 'galley-reviews-relay']));
      expect(sessions.every((row) => row.ssl)).toBe(true);
      const listener = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'galley_reviews' AND query ILIKE 'LISTEN%'`);
      expect(listener.rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.end();
      await app.close();
    }
  }, 60_000);

  it('is refused with DB_SSL_MODE=disable: the server has no entry for a plaintext connection', async () => {
    const config = loadServiceConfig('reviews', tlsEnv({ DB_SSL_MODE: 'disable' }));
    const dataSource = new DataSource(serviceDataSourceOptions('reviews', config, reviewsSchema));
    await expect(dataSource.initialize()).rejects.toThrow(/no pg_hba\.conf entry .*no encryption/);
    const relayClient = new Client(postgresConnectionOptions(config));
    await expect(relayClient.connect()).rejects.toThrow(/no pg_hba\.conf entry .*no encryption/);
  });

  it('fails on the certificate with DB_SSL_MODE=verify-full and a CA that did not sign it', async () => {
    const config = loadServiceConfig('reviews', tlsEnv({ DB_SSL_MODE: 'verify-full', DB_SSL_CA_FILE: wrongCaFile }));
    const dataSource = new DataSource(serviceDataSourceOptions('reviews', config, reviewsSchema));
    await expect(dataSource.initialize()).rejects.toThrow(/certificate/);
    const relayClient = new Client(postgresConnectionOptions(config));
    await expect(relayClient.connect()).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('checks the host name with verify-full, not with verify-ca, and nothing with require', async () => {
    // The server also listens on 127.0.0.2, an address its certificate does not name (it names localhost and 127.0.0.1).
    const connect = async (env: Record<string, string>) => {
      const client = new Client(postgresConnectionOptions(loadServiceConfig('reviews', tlsEnv({ DB_SSL_CA_FILE: caFile, ...env }))));
      await client.connect();
      try {
        return (await client.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0];
      } finally {
        await client.end();
      }
    };
    await expect(connect({ DB_SSL_MODE: 'verify-full', DB_HOST: 'localhost' })).resolves.toEqual({ ssl: true });
    await expect(connect({ DB_SSL_MODE: 'verify-full', DB_HOST: '127.0.0.2' })).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    await expect(connect({ DB_SSL_MODE: 'verify-ca', DB_HOST: '127.0.0.2' })).resolves.toEqual({ ssl: true });
    await expect(connect({ DB_SSL_MODE: 'verify-ca', DB_HOST: '127.0.0.2', DB_SSL_CA_FILE: wrongCaFile })).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    // require: encrypted, certificate unchecked (libpq's meaning), so even the wrong CA connects.
    await expect(connect({ DB_SSL_MODE: 'require', DB_HOST: '127.0.0.2', DB_SSL_CA_FILE: wrongCaFile })).resolves.toEqual({ ssl: true });
  });
});
