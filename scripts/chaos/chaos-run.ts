import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { Pool } from 'pg';
import { APP_NAMES, AppName } from '@galley/config';
import { createKafkaClient } from '@galley/messaging';
import { adminPool, checkout, FINAL_CHECKOUT_STATUSES, GalleyClient, RunningSystem } from '@galley/testing';
import { checkInvariants, formatCounts, InvariantResult, waitUntilOrdersFinal } from './chaos-checks';
import { ChaosInfra, ChaosInfraOptions } from './chaos-infra';
import { ChaosLoad, ChaosLoadOptions } from './chaos-load';

/** kill -9 of an app or the broker, a crash stop of Postgres, or SIGTERM of an app (one step of a rolling restart). */
export type FaultName = AppName | 'broker' | 'postgres' | `sigterm:${AppName}`;
export const ROLLING_RESTART: readonly FaultName[] = APP_NAMES.map((app) => `sigterm:${app}` as const);
export const ALL_FAULTS: readonly FaultName[] = [...ROLLING_RESTART, ...APP_NAMES, 'broker', 'postgres'];

export interface ChaosRunOptions {
  infra: ChaosInfraOptions;
  load: Omit<ChaosLoadOptions, 'webhookSecret'>;
  /** One at a time, in this order. */
  faults: readonly FaultName[];
  /** How long a killed process stays down before it is restarted. */
  downMs: number;
  /** Healthy time under load between one fault's recovery and the next fault. */
  gapMs: number;
  /** Every order accepted before a fault must be final this soon after the system is ready again. */
  finalWithinMs: number;
  log?: (line: string) => void;
  progressEveryMs?: number;
}

export interface FaultRecord {
  fault: FaultName;
  how: string;
  /** Seconds since the load started. */
  atS: number;
  /** Accepted orders not yet final when the fault hit. */
  inFlight: number;
  /** Restart command → the restarted process itself answers (an app its readiness, the broker a metadata request, Postgres a query). */
  upMs: number;
  /** Restart command → the gateway's aggregate readiness is 200 again. */
  readyMs: number;
  /** Restart command → a checkout placed then (a canary) is final: the whole flow works again, consumer groups included. */
  canaryFinalMs: number | null;
  canaryStatus: string | null;
  /** Readiness → every order in flight at the fault is final. */
  inFlightFinalMs: number;
  /** SIGTERM only: how the app exited, and whether on its own within the grace period (not killed after it). */
  exit?: { code: number | null; signal: string | null; millis: number; graceful: boolean; lastLines?: string };
  held: boolean;
}

export interface ChaosReport {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  machine: { cores: number; node: string; loadAverageAtStart: number[] };
  options: Omit<ChaosRunOptions, 'log' | 'infra'> & { infra: Omit<ChaosInfraOptions, 'name'> };
  orders: {
    accepted: number;
    byStatus: Record<string, number>;
    paidByWebhooks: number;
    clientRetries: number;
    abandonedByClients: string[];
    placementsPerSecond: number;
  };
  faults: FaultRecord[];
  /** Load stopped after the last recovery → every accepted order final. */
  allFinalMs: number;
  invariants: InvariantResult[];
  passed: boolean;
}

const FINAL = FINAL_CHECKOUT_STATUSES as readonly string[];

/**
 * One chaos run: a system of its own (Postgres cluster, broker, six apps on free ports), a steady checkout load, and
 * one fault at a time — kill -9 of each app, kill -9 of the broker, an immediate (crash) stop of Postgres — each
 * restarted after `downMs`. Measures how long each recovery takes, then checks every promise from the databases.
 */
export async function runChaos(options: ChaosRunOptions): Promise<ChaosReport> {
  const log = options.log ?? ((line: string) => console.log(`chaos: ${line}`));
  const started = new Date();
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const infra = new ChaosInfra(options.infra);
  const webhookSecret = `whsec_chaos${randomBytes(12).toString('hex')}`;
  const admin = { email: `chaos-admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'chaos-admin-password-1' };
  let system: RunningSystem | undefined;
  let db: Pool | undefined;
  try {
    await infra.startFresh(log);
    system = await RunningSystem.start({
      kafkaBrokers: infra.brokers,
      database: infra.database,
      // Postgres restarts break every pooled connection; services must reconnect, not crash.
      appEnv: {
        users: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
        inventory: { DEMO_CATALOG: 'false' },
        payments: { STRIPE_WEBHOOK_SECRET: webhookSecret },
        // Every simulated customer comes from 127.0.0.1: the gateway's per-address limit would stop the load.
        gateway: { RATE_LIMIT_PER_ADDRESS: '100000000' },
      },
    });
    log(`system ready: gateway ${system.gatewayUrl}`);
    // No OpenAPI response checks in the load: on 2 cores they would take CPU from the services under test.
    const api = new GalleyClient(system.gatewayUrl, { validateResponses: false });
    db = adminPool({ host: infra.database.host, port: infra.database.port, database: infra.database.name, max: 4 });
    // The Postgres fault drops this pool's idle connections too; the pool replaces them.
    db.on('error', () => undefined);
    const adminToken = await api.login(admin.email, admin.password);
    const load = new ChaosLoad(api, { ...options.load, webhookSecret });
    await load.prepare(adminToken);
    // The canary's product has stock for every canary, so each one goes through payment and confirmation even when the
    // load has sold its products out.
    const canaryProductId = (await api.newProduct(adminToken, { stock: options.faults.length + 5, price: 500 })).id;
    const productIds = [...load.productIds, canaryProductId];
    await waitForCatalog(db, productIds);
    const canary = await api.newCustomer();
    log(`load: ${options.load.orders} orders or more, ${options.load.concurrency} customers at once, ${options.load.products} products of ${options.load.stockPerProduct} units`);

    const loadStarted = Date.now();
    const loadRun = load.run();
    const progress = setInterval(() => log(progressLine(load, loadStarted, system!)), options.progressEveryMs ?? 10_000);
    const faults: FaultRecord[] = [];
    let allFinalMs = 0;
    try {
      for (const fault of options.faults) {
        await pause(options.gapMs);
        const inFlight = [...load.accepted.values()].filter((order) => !order.status).map((order) => order.orderId);
        const atS = Math.round((Date.now() - loadStarted) / 1000);
        log(`fault ${fault}: ${faultHow(fault)} with ${inFlight.length} orders in flight`);
        const { restarted, up, exit } = await inject(fault, system, infra, options.downMs);
        const canaryRun = checkout(api, canary.token, [{ productId: canaryProductId, quantity: 1 }], {
          timeoutMs: 180_000,
          pollMs: 200,
          onPlaced: (orderId) => load.accepted.set(orderId, { orderId, placedAt: Date.now(), retries: 0, paidBy: 'simulation' }),
        }).then(
          (outcome) => ({ millis: Date.now() - restarted, status: outcome.status, orderId: outcome.orderId }),
          () => undefined,
        );
        await system.waitUntilReady(120_000);
        const readyMs = Date.now() - restarted;
        const finalInFlight = await waitUntilOrdersFinal(db, inFlight, options.finalWithinMs);
        const canaryOutcome = await canaryRun;
        if (canaryOutcome) Object.assign(load.accepted.get(canaryOutcome.orderId)!, { status: canaryOutcome.status, finalAt: Date.now() });
        const record: FaultRecord = {
          fault,
          how: faultHow(fault),
          atS,
          inFlight: inFlight.length,
          upMs: up - restarted,
          readyMs,
          canaryFinalMs: canaryOutcome?.millis ?? null,
          canaryStatus: canaryOutcome?.status ?? null,
          inFlightFinalMs: finalInFlight.millis,
          ...(exit ? { exit } : {}),
          // The canary's product never runs out: anything but CONFIRMED means the flow did not recover.
          held: finalInFlight.held && canaryOutcome?.status === 'CONFIRMED' && (exit?.graceful ?? true),
        };
        faults.push(record);
        if (exit)
          log(`fault ${fault}: exited after ${seconds(exit.millis)} (${exit.signal ?? `code ${exit.code}`})${exit.graceful ? '' : `, NOT on its own:\n${exit.lastLines ?? ''}`}`);
        log(
          `fault ${fault}: up ${seconds(up - restarted)} and ready ${seconds(readyMs)} after the restart, a new checkout final after ${record.canaryFinalMs === null ? 'never' : seconds(record.canaryFinalMs)}, ` +
            `the ${inFlight.length} in flight final ${seconds(finalInFlight.millis)} after ready${finalInFlight.held ? '' : ` — NOT within ${seconds(options.finalWithinMs)}: ${finalInFlight.pending.length} pending`}`,
        );
      }
    } finally {
      load.stop();
      await loadRun;
      clearInterval(progress);
    }
    const stoppedAt = Date.now();
    // The load's clients also ended the orders they could; the database decides.
    const orderIds = [...load.accepted.keys()];
    const final = await waitUntilOrdersFinal(db, orderIds, options.finalWithinMs);
    allFinalMs = Date.now() - stoppedAt;
    log(`load stopped: ${orderIds.length} orders accepted; all final ${final.held ? `${seconds(allFinalMs)} later` : `NOT within ${seconds(options.finalWithinMs)}`}`);

    const kafka = createKafkaClient({ clientId: 'galley-chaos-checks', brokers: infra.brokers });
    const invariants = await checkInvariants({ db, kafka, orderIds, customerIds: [...load.customerIds, canary.id], productIds, clientViolations: load.violations });
    invariants.unshift({
      name: 'every accepted order final within 60 s of recovery',
      held: final.held && faults.every((fault) => fault.held),
      detail:
        `after each fault, the orders in flight were final within ${seconds(Math.max(0, ...faults.map((fault) => fault.inFlightFinalMs)))} of readiness; after the load, all ${orderIds.length} within ${seconds(allFinalMs)}` +
        (final.pending.length
          ? `; still pending: ${final.pending
              .slice(0, 5)
              .map((order) => `${order.id} ${order.status}`)
              .join(', ')}`
          : ''),
    });
    for (const invariant of invariants) log(`${invariant.held ? 'held' : 'BROKEN'}: ${invariant.name} — ${invariant.detail}`);

    const accepted = [...load.accepted.values()];
    const { rows } = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM orders.orders WHERE id = ANY($1::uuid[]) GROUP BY status`, [orderIds]);
    const finished = new Date();
    return {
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationS: Math.round((finished.getTime() - started.getTime()) / 1000),
      machine: { cores: os.cpus().length, node: process.version, loadAverageAtStart },
      options: {
        ...options,
        log: undefined,
        infra: {
          postgresPort: options.infra.postgresPort,
          brokerPort: options.infra.brokerPort,
          brokerControllerPort: options.infra.brokerControllerPort,
          database: options.infra.database,
        },
      } as ChaosReport['options'],
      orders: {
        accepted: accepted.length,
        byStatus: Object.fromEntries(rows.map((row) => [row.status, row.n])),
        paidByWebhooks: accepted.filter((order) => order.paidBy === 'webhooks').length,
        clientRetries: accepted.reduce((sum, order) => sum + order.retries, 0),
        abandonedByClients: load.abandoned,
        placementsPerSecond: Math.round((accepted.length / ((stoppedAt - loadStarted) / 1000)) * 10) / 10,
      },
      faults,
      allFinalMs,
      invariants,
      passed: invariants.every((invariant) => invariant.held),
    };
  } catch (error) {
    if (system) log(`failed; the apps' last lines:\n${system.diagnostics(15)}`);
    throw error;
  } finally {
    await db?.end().catch(() => undefined);
    await system?.stopAll().catch(() => undefined);
    await infra.release().catch(() => undefined);
  }
}

function faultHow(fault: FaultName): string {
  if (fault.startsWith('sigterm:')) return `SIGTERM of ${fault.slice('sigterm:'.length)} (rolling restart), then start`;
  if (fault === 'postgres') return 'immediate stop of Postgres (pg_ctl -m immediate: every backend killed, crash recovery on start), then start';
  if (fault === 'broker') return 'kill -9 of the Kafka broker, then start';
  return `kill -9 of ${fault}, then start`;
}

/** Injects one fault and restarts what it stopped; resolves with the moments of the restart command and of the process answering again. */
async function inject(fault: FaultName, system: RunningSystem, infra: ChaosInfra, downMs: number): Promise<{ restarted: number; up: number; exit?: FaultRecord['exit'] }> {
  if (fault === 'postgres') {
    // pg_ctl's immediate stop and start: no time to choose, the cluster is down as long as stop and recovery take.
    const restarted = Date.now();
    await infra.restartPostgres();
    return { restarted, up: Date.now() };
  }
  if (fault.startsWith('sigterm:')) {
    // A rolling restart: the app drains (HTTP, consumers, outbox relay) and exits; a new one starts at once.
    const app = fault.slice('sigterm:'.length) as AppName;
    const signalled = Date.now();
    const exited = await system.stop(app);
    const millis = Date.now() - signalled;
    const restarted = Date.now();
    // Nest re-raises the signal after its shutdown hooks; a SIGKILL means the grace period ran out.
    const graceful = exited !== undefined && (exited.code === 0 || exited.signal === 'SIGTERM');
    const lastLines = graceful ? undefined : system.process(app)?.tail(15);
    await system.start(app, 90_000);
    return { restarted, up: Date.now(), exit: { code: exited?.code ?? null, signal: exited?.signal ?? null, millis, graceful, ...(lastLines ? { lastLines } : {}) } };
  }
  if (fault === 'broker') await infra.killBroker();
  else await system.kill(fault as AppName);
  await pause(downMs);
  const at = Date.now();
  if (fault === 'broker') await infra.startBroker();
  else await system.start(fault as AppName, 90_000);
  return { restarted: at, up: Date.now() };
}

async function waitForCatalog(db: Pool, productIds: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders.catalog_products WHERE id = ANY($1::uuid[])`, [productIds]);
    if (rows[0].n === productIds.length) return;
    await pause(200);
  }
  throw new Error('the products never reached the orders service');
}

function progressLine(load: ChaosLoad, since: number, system: RunningSystem): string {
  const statuses = [...load.accepted.values()].map((order) => order.status ?? 'in flight');
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[FINAL.includes(status) ? status : 'in flight'] = (counts[FINAL.includes(status) ? status : 'in flight'] ?? 0) + 1;
  const down = APP_NAMES.filter((app) => !system.process(app)?.running);
  return `${seconds(Date.now() - since)}: ${load.placedCount} started, ${formatCounts(counts)}${down.length ? `; down: ${down.join(', ')}` : ''}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
