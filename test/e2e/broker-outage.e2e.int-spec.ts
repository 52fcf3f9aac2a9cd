import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client, Pool } from 'pg';
import { SERVICE_NAMES, ServiceName } from '@galley/config';
import { adminPoolConfig, freePort, GalleyClient, RunningSystem, uniqueSuffix, waitFor } from '@galley/testing';

const run = promisify(execFile);
const ROOT = process.cwd();
const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'outage-admin-password-1' };
const DRAIN_TIMEOUT_MS = 60_000;

/**
 * A broker of this test's own (scripts/broker.mjs under its own name, on free ports) and a database of its own
 * (provisioned like galley_test), so stopping the broker disturbs no other suite and nothing other suites left
 * behind counts in the outbox.
 */
class OwnInfra {
  readonly brokerName = `outage-${uniqueSuffix()}`;
  readonly database = `galley_outage_${uniqueSuffix()}`;
  port = 0;
  controllerPort = 0;
  databaseCreated = false;

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  async startBroker(): Promise<void> {
    if (!this.port) [this.port, this.controllerPort] = [await freePort(), await freePort()];
    await this.broker('start', String(this.port), String(this.controllerPort));
  }

  /** Whether a broker of this name was running and is now stopped. */
  async stopBroker(): Promise<boolean> {
    const { stdout } = await this.broker('stop');
    return (JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { stopped?: boolean }).stopped === true;
  }

  async provision(): Promise<void> {
    const env = { ...process.env, DB_NAME: this.database, KAFKA_BROKERS: this.brokers.join(','), KAFKA_TOPIC_PREFIX: '' };
    const ensure = `import { ensureDatabase } from ${JSON.stringify(path.join(ROOT, 'scripts/lib/postgres.mjs'))}; await ensureDatabase(${JSON.stringify(this.database)});`;
    this.databaseCreated = true;
    await run(process.execPath, ['--input-type=module', '-e', ensure], { cwd: ROOT, env });
    // Migrations of every service and the topics, as `npm test` provisions galley_test and the test broker.
    await run(process.execPath, ['-r', path.join(ROOT, 'scripts/register-paths.cjs'), path.join(ROOT, 'dist/scripts/setup-services.js')], { cwd: ROOT, env });
  }

  async release(): Promise<void> {
    await this.stopBroker().catch(() => undefined);
    fs.rmSync(path.join(ROOT, '.cache/kafka', this.brokerName), { recursive: true, force: true });
    if (this.databaseCreated) {
      const admin = new Client({ ...adminPoolConfig(), database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    }
  }

  private broker(command: 'start' | 'stop', ...args: string[]): Promise<{ stdout: string }> {
    return run(process.execPath, [path.join(ROOT, 'scripts/broker.mjs'), command, this.brokerName, ...args], { cwd: ROOT });
  }
}

interface ServicesHealth {
  status: string;
  services: Record<ServiceName, { status: string; details?: { broker?: { status?: string }; outbox?: { status?: string; pending?: number } } }>;
}

/**
 * Issue 15: a broker outage is what the outbox exists to ride through, so it must not make anything unready. With
 * the broker stopped every service and the gateway stay ready, writes through the API succeed and pile up in the
 * outboxes, /health/services says the broker is down; once the broker is back the outboxes drain and the events
 * written during the outage reach their consumers.
 */
describe('a broker outage', () => {
  const infra = new OwnInfra();
  let system: RunningSystem;
  let api: GalleyClient;
  let db: Pool;

  beforeAll(async () => {
    await infra.startBroker();
    await infra.provision();
    system = await RunningSystem.start({
      kafkaBrokers: infra.brokers,
      database: { host: '127.0.0.1', port: Number(process.env.DB_PORT ?? 5432), name: infra.database },
      appEnv: { users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, inventory: { DEMO_CATALOG: 'false' } },
    });
    api = new GalleyClient(system.gatewayUrl);
    db = new Pool({ ...adminPoolConfig(), database: infra.database, max: 2 });
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await system?.stopAll();
    await infra.release();
  }, 90_000);

  const status = async (url: string): Promise<number> => {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  };
  const servicesHealth = async (): Promise<{ status: number; body: ServicesHealth }> => {
    const res = await fetch(`${system.gatewayUrl}/health/services`, { signal: AbortSignal.timeout(15_000) });
    return { status: res.status, body: (await res.json()) as ServicesHealth };
  };
  /** Outbox rows committed and not yet published, per service (read from each service's schema). */
  const pending = async (): Promise<Record<ServiceName, number>> => {
    const counts = await Promise.all(
      SERVICE_NAMES.map(async (service) => {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${service}".outbox WHERE published_at IS NULL`);
        return [service, rows[0].n as number] as const;
      }),
    );
    return Object.fromEntries(counts) as Record<ServiceName, number>;
  };
  const pendingMetric = async (service: ServiceName): Promise<number> => {
    const res = await fetch(`${system.serviceUrl(service)}/metrics`, { signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    const match = new RegExp(`^galley_outbox_pending_events\\{[^}]*service="${service}"[^}]*\\} (\\d+)`, 'm').exec(text);
    if (!match)
      throw new Error(
        `no galley_outbox_pending_events for ${service} (${res.status}): ${text
          .split('\n')
          .filter((l) => l.includes('outbox'))
          .join(' | ')}`,
      );
    return Number(match[1]);
  };
  const catalogHas = async (productId: string) => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [productId])).rowCount === 1;

  it('leaves every service ready while the outbox fills, then drains it to the consumers', async () => {
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    // Before: an event goes through (the relay and the consumers work against this broker).
    const before = await api.newProduct(adminToken, { stock: 5 });
    await waitFor(() => catalogHas(before.id), { timeoutMs: 30_000, what: 'the product created before the outage in orders' });
    await waitFor(async () => Object.values(await pending()).every((n) => n === 0), { timeoutMs: 30_000, what: 'empty outboxes before the outage' });

    expect(await infra.stopBroker()).toBe(true);

    // /health/services reports the broker down for every service, and still counts each service as up (200).
    let last = '';
    await waitFor(
      async () => {
        const { status: code, body } = await servicesHealth();
        last = `${code} ${JSON.stringify(body)}`;
        return code === 200 && SERVICE_NAMES.every((s) => body.services[s].status === 'up' && body.services[s].details?.broker?.status === 'down');
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'every service reporting broker: down in /health/services' },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last answer: ${last}`);
    });

    // Writes during the outage succeed (201) and fill the outboxes: inventory's product.created, users' registrations.
    const during = [] as { id: string }[];
    for (let i = 0; i < 3; i++) during.push(await api.newProduct(adminToken, { stock: 2 }));
    const customer = await api.newCustomer();
    expect(customer.token).toEqual(expect.any(String));

    const whileDown = await pending();
    expect(whileDown.inventory).toBeGreaterThanOrEqual(3);
    expect(whileDown.users).toBeGreaterThanOrEqual(1);
    expect(await pendingMetric('inventory')).toBeGreaterThanOrEqual(3);
    for (const product of during) expect(await catalogHas(product.id)).toBe(false);

    // Still ready everywhere, some seconds into the outage (kafkajs has retried and given up by now).
    for (const service of SERVICE_NAMES) expect([service, await status(`${system.serviceUrl(service)}/health/ready`)]).toEqual([service, 200]);
    expect(await status(`${system.gatewayUrl}/health/ready`)).toBe(200);
    const { status: servicesCode, body: servicesBody } = await servicesHealth();
    expect(servicesCode).toBe(200);
    expect(servicesBody.services.inventory.details?.outbox?.pending).toBeGreaterThanOrEqual(3);
    // Reads keep being served from the databases.
    expect(await status(`${system.gatewayUrl}/api/products/${during[0].id}`)).toBe(200);
    // Every process is still up: nothing crashed on the lost broker.
    for (const app of [...SERVICE_NAMES, 'gateway' as const]) expect([app, system.process(app)?.running]).toEqual([app, true]);

    // The broker comes back on the same ports with the same data.
    await infra.startBroker();
    const restartedAt = Date.now();
    await waitFor(async () => Object.values(await pending()).every((n) => n === 0), {
      timeoutMs: DRAIN_TIMEOUT_MS,
      intervalMs: 250,
      what: 'every outbox drained after the broker came back',
    }).catch(async (error: Error) => {
      throw new Error(`${error.message}; pending ${JSON.stringify(await pending())}\n${system.diagnostics(15)}`);
    });
    const drainedMs = Date.now() - restartedAt;
    await waitFor(async () => (await Promise.all(during.map((p) => catalogHas(p.id)))).every(Boolean), {
      timeoutMs: DRAIN_TIMEOUT_MS - drainedMs,
      intervalMs: 250,
      what: 'the products created during the outage in orders.catalog_products',
    });
    console.log(`broker outage: outboxes drained ${drainedMs} ms and consumers caught up ${Date.now() - restartedAt} ms after the broker came back`);
    expect(await pendingMetric('inventory')).toBe(0);
    await waitFor(
      async () => {
        const { status: code, body } = await servicesHealth();
        return code === 200 && SERVICE_NAMES.every((s) => body.services[s].details?.broker?.status === 'up');
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'every service reporting broker: up again' },
    );
  }, 240_000);
});
