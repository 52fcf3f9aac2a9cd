// npm run bench:checkout — confirmed orders per second through the whole saga. On one started system (all six apps
// as processes, the test database and broker): at concurrency 1, 8 and 16, customers place an order, pay through the
// simulated provider's signed webhook and wait for CONFIRMED, following the order's live status stream (SSE) as a
// storefront does (BENCH_FOLLOW=poll polls the order through the gateway instead). Reports orders/s, p50/p99 place→CONFIRMED, Postgres commits per order, pgbench's commit ceiling
// on this machine, each process's memory before and after, and checks nothing was lost or oversold.
// Prints a table and appends it to bench/results/checkout.md.
//
// Profiling (the last level only; each slows the run, so their figures are not compared with plain runs):
//   BENCH_CPU_PROF=<dir>  V8 sampling profile of each app over the measurement window (bench/cpu-profile-preload.cjs,
//                         SIGUSR2 starts and stops it): <dir>/<app>.cpuprofile and self time per package and function.
//   BENCH_PG_LOG=1        log_min_duration_statement = 0 on the bench's own database (npm run bench:checkout gives it
//                         one), then the transactions and statements per order from the server log.
// Always: Kafka requests per order from each app's galley_kafka_requests_total, by consumer group and API.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { APP_NAMES, AppName } from '@galley/config';
import { adminPool, checkout, GalleyClient, RunningSystem, testEnvironment, withConcurrency } from '@galley/testing';
import { cpuProfileReport, kafkaRequestCounts, parseStatementLog, summarizeCpuProfile, transactionReport } from './checkout-profile';

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 20);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,8,16').split(',').map(Number);
const ADMIN = { email: `bench-admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'bench-admin-password-1' };
const STOCK = 1_000_000;
const FOLLOW = process.env.BENCH_FOLLOW === 'poll' ? 'poll' : 'stream';
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
const PG_LOG = process.env.BENCH_PG_LOG === '1';
// A database of its own (GALLEY_BENCH_DB, as npm run bench:checkout does) has topics of its own; RunningSystem clears
// the prefix unless told per app.
const TOPIC_PREFIX = process.env.KAFKA_TOPIC_PREFIX ?? '';

interface Row {
  concurrency: number;
  orders: number;
  perSecond: number;
  p50: number;
  p99: number;
  commitsPerOrder: number;
  notConfirmed: number;
  /** CPU milliseconds per confirmed order, by process. */
  cpuPerOrder: Record<string, number>;
  /** CPU milliseconds per confirmed order of the Postgres backends connected to the bench's database (part of postgres). */
  ownBackendsPerOrder: number;
  /** Kafka requests per confirmed order, by "app group api". */
  kafkaPerOrder: Map<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Pids of every process whose command line contains `needle` (the Kafka broker, Postgres backends). */
function pidsOf(needle: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** CPU seconds so far of each app, the broker and Postgres (all backends). */
function cpuByProcess(sut: RunningSystem): Record<string, number> {
  const sum = (pids: number[]) =>
    pids
      .map(cpuSeconds)
      .filter((n) => !Number.isNaN(n))
      .reduce((a, b) => a + b, 0);
  return {
    ...Object.fromEntries(APP_NAMES.map((app) => [app, cpuSeconds(sut.process(app)?.pid)])),
    kafka: sum(pidsOf('kafka.Kafka')),
    postgres: sum(pidsOf('postgres')),
  };
}

/** CPU seconds so far of each Postgres backend connected to the bench's database, by pid. */
async function ownBackendCpu(db: ReturnType<typeof adminPool>): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [testEnvironment.databaseName]);
  return new Map(rows.map((row) => [row.pid, cpuSeconds(row.pid)]));
}

/** galley_kafka_requests_total of every app, keyed "app group api". */
async function kafkaRequests(sut: RunningSystem): Promise<Map<string, number>> {
  const all = new Map<string, number>();
  await Promise.all(
    APP_NAMES.map(async (app) => {
      const text = await fetch(`${sut.urlOf(app)}/metrics`).then((res) => res.text());
      for (const [key, n] of kafkaRequestCounts(text)) all.set(`${app} ${key}`, n);
    }),
  );
  return all;
}

/** The Postgres server log this cluster writes (stderr of pg_ctlcluster; no logging collector here). */
function postgresLogFile(): string {
  if (process.env.BENCH_PG_LOG_FILE) return process.env.BENCH_PG_LOG_FILE;
  const dir = '/var/log/postgresql';
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => path.join(dir, f));
  return files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

function signalApps(sut: RunningSystem, signal: NodeJS.Signals): void {
  for (const app of APP_NAMES) {
    const pid = sut.process(app)?.pid;
    if (pid) process.kill(pid, signal);
  }
}

async function waitForFiles(files: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!files.every((file) => fs.existsSync(file))) {
    if (Date.now() > deadline) throw new Error(`no CPU profile after ${timeoutMs} ms: ${files.filter((file) => !fs.existsSync(file)).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** pgbench's TPC-B-like ceiling on this machine: every transaction commits, 16 clients, 10 s. */
function pgbenchCeiling(): string {
  const db = 'galley_bench_pgbench';
  const run = (args: string[]) => spawnSync('pgbench', args, { encoding: 'utf8', env: { ...process.env, PGHOST: testEnvironment.dbHost, PGUSER: 'postgres' } });
  spawnSync('psql', ['-h', testEnvironment.dbHost, '-U', 'postgres', '-c', `DROP DATABASE IF EXISTS ${db}`, '-c', `CREATE DATABASE ${db}`], { encoding: 'utf8' });
  const init = run(['-i', '-q', '-s', '4', db]);
  if (init.status !== 0) return `pgbench unavailable (${init.stderr.trim().split('\n').pop()})`;
  const result = run(['-c', '16', '-j', '2', '-T', '10', '-N', db]);
  spawnSync('psql', ['-h', testEnvironment.dbHost, '-U', 'postgres', '-c', `DROP DATABASE IF EXISTS ${db}`], { encoding: 'utf8' });
  const tps = /tps = ([\d.]+)/.exec(result.stdout)?.[1];
  return tps ? `${Math.round(Number(tps))} commits/s (pgbench -N, 16 clients)` : `pgbench failed: ${result.stderr.trim()}`;
}

async function commits(db: ReturnType<typeof adminPool>): Promise<number> {
  // Backends report their counts about once a second; wait for them, then read a fresh snapshot.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await db.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await db.query(`SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = $1`, [testEnvironment.databaseName]);
  return Number(rows[0].n);
}

async function main(): Promise<void> {
  console.log(`checkout benchmark: starting the six apps against ${testEnvironment.databaseName} and the test broker...`);
  const db = adminPool();
  if (PG_LOG) await db.query(`ALTER DATABASE "${testEnvironment.databaseName}" SET log_min_duration_statement = 0`);
  if (CPU_PROFILE_DIR) fs.rmSync(CPU_PROFILE_DIR, { recursive: true, force: true });
  const everyApp = (app: AppName): NodeJS.ProcessEnv => ({
    KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
    ...(CPU_PROFILE_DIR
      ? {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(process.cwd(), 'bench/cpu-profile-preload.cjs')}`.trim(),
          BENCH_CPU_PROF_DIR: CPU_PROFILE_DIR,
          BENCH_CPU_PROF_NAME: app,
        }
      : {}),
  });
  const sut = await RunningSystem.start({
    env: { LOG_LEVEL: 'warn' },
    appEnv: {
      users: { ...everyApp('users'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, AUTH_RATE_LIMIT_PER_ADDRESS: '1000000' },
      inventory: { ...everyApp('inventory'), DEMO_CATALOG: 'false' },
      orders: everyApp('orders'),
      payments: everyApp('payments'),
      reviews: everyApp('reviews'),
      // One load generator is one address: the gateway's per-address limit is not what is measured.
      gateway: { ...everyApp('gateway'), RATE_LIMIT_PER_ADDRESS: '100000000' },
    },
  }).catch(async (error: unknown) => {
    if (PG_LOG) await db.query(`ALTER DATABASE "${testEnvironment.databaseName}" RESET log_min_duration_statement`).catch(() => undefined);
    await db.end();
    throw error;
  });
  let profileReport = '';
  try {
    const api = new GalleyClient(sut.gatewayUrl);
    const admin = await api.login(ADMIN.email, ADMIN.password);
    const products = await Promise.all(Array.from({ length: 8 }, (_, i) => api.newProduct(admin, { stock: STOCK, price: 900 + i * 50 })));
    for (;;) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM orders.catalog_products WHERE id = ANY($1::uuid[])`, [products.map((p) => p.id)]);
      if (rows[0].n === products.length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const maxConcurrency = Math.max(...CONCURRENCIES);
    const customers = await withConcurrency(Array.from({ length: maxConcurrency }), 4, () => api.newCustomer());
    const memoryBefore = Object.fromEntries(APP_NAMES.map((app) => [app, rssMb(sut.process(app)?.pid)])) as Record<AppName, number>;

    // Warm-up: JIT, pools, the JWKS cache and the consumers' first fetches.
    await withConcurrency(customers.slice(0, 4), 4, (customer, i) => checkout(api, customer.token, [{ productId: products[i].id, quantity: 1 }], { pollMs: 25, follow: FOLLOW }));

    const rows: Row[] = [];
    const placed: string[] = [];
    for (const [level, concurrency] of CONCURRENCIES.entries()) {
      const profiled = level === CONCURRENCIES.length - 1 && (CPU_PROFILE_DIR !== undefined || PG_LOG);
      process.stdout.write(`  concurrency ${concurrency}: ${DURATION_SECONDS}s of checkouts${profiled ? ' (profiled)' : ''}...\n`);
      const commitsBefore = await commits(db);
      const kafkaBefore = await kafkaRequests(sut);
      const logFile = profiled && PG_LOG ? postgresLogFile() : undefined;
      const logStart = logFile ? fs.statSync(logFile).size : 0;
      if (profiled && CPU_PROFILE_DIR) signalApps(sut, 'SIGUSR2');
      const ownBefore = await ownBackendCpu(db);
      const cpuBefore = cpuByProcess(sut);
      const latencies: number[] = [];
      let notConfirmed = 0;
      const started = Date.now();
      const stopAt = started + DURATION_SECONDS * 1000;
      await Promise.all(
        customers.slice(0, concurrency).map(async (customer, worker) => {
          let i = 0;
          while (Date.now() < stopAt) {
            const product = products[(worker + i++) % products.length];
            const outcome = await checkout(api, customer.token, [{ productId: product.id, quantity: 1 }], { pollMs: 25, follow: FOLLOW });
            placed.push(outcome.orderId);
            if (outcome.status === 'CONFIRMED') latencies.push(outcome.millis);
            else notConfirmed++;
          }
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      const cpuAfter = cpuByProcess(sut);
      const ownAfter = await ownBackendCpu(db);
      if (profiled && CPU_PROFILE_DIR) signalApps(sut, 'SIGUSR2');
      const logEnd = logFile ? fs.statSync(logFile).size : 0;
      const commitsAfter = await commits(db);
      const kafkaAfter = await kafkaRequests(sut);
      const confirmed = Math.max(1, latencies.length);
      const kafkaPerOrder = new Map([...kafkaAfter].map(([key, n]) => [key, (n - (kafkaBefore.get(key) ?? 0)) / confirmed]));
      const ownBackendsMs = [...ownAfter].reduce((sum, [pid, after]) => sum + (after - (ownBefore.get(pid) ?? 0)), 0) * 1000;
      if (profiled) {
        const cpuMsPerOrder = Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, ((cpuAfter[name] - cpuBefore[name]) * 1000) / confirmed]));
        const sections = [`## Profile of concurrency ${concurrency}: ${latencies.length} confirmed orders in ${seconds.toFixed(1)} s`, ''];
        if (CPU_PROFILE_DIR) {
          const files = APP_NAMES.map((app) => path.join(CPU_PROFILE_DIR, `${app}.cpuprofile`));
          await waitForFiles(files);
          sections.push(
            cpuProfileReport(
              APP_NAMES.map((app, i) => summarizeCpuProfile(app, files[i])),
              cpuMsPerOrder,
            ),
          );
        }
        if (logFile) {
          const length = logEnd - logStart;
          const buffer = Buffer.alloc(length);
          const fd = fs.openSync(logFile, 'r');
          fs.readSync(fd, buffer, 0, length, logStart);
          fs.closeSync(fd);
          // Kept for a closer look (the transactions of one order, a statement's parameters).
          fs.mkdirSync(CPU_PROFILE_DIR ?? os.tmpdir(), { recursive: true });
          fs.writeFileSync(path.join(CPU_PROFILE_DIR ?? os.tmpdir(), 'postgres-statements.log'), buffer);
          sections.push(transactionReport(parseStatementLog(buffer.toString('utf8'), testEnvironment.databaseName), latencies.length + notConfirmed));
        }
        profileReport = sections.join('\n');
      }
      latencies.sort((a, b) => a - b);
      rows.push({
        concurrency,
        orders: latencies.length,
        perSecond: latencies.length / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        commitsPerOrder: (commitsAfter - commitsBefore) / Math.max(1, latencies.length + notConfirmed),
        notConfirmed,
        cpuPerOrder: Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, ((cpuAfter[name] - cpuBefore[name]) * 1000) / Math.max(1, latencies.length)])),
        ownBackendsPerOrder: ownBackendsMs / confirmed,
        kafkaPerOrder,
      });
    }
    const memoryAfter = Object.fromEntries(APP_NAMES.map((app) => [app, rssMb(sut.process(app)?.pid)])) as Record<AppName, number>;

    // Nothing lost: every order placed is in the orders service and final; nothing oversold: stock adds up.
    const { rows: lost } = await db.query(
      `SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS id WHERE NOT EXISTS (SELECT 1 FROM orders.orders o WHERE o.id = id AND o.status = 'CONFIRMED')`,
      [placed],
    );
    const { rows: stock } = await db.query(
      `SELECT sum(on_hand)::bigint AS on_hand, sum(reserved)::bigint AS reserved FROM inventory.stock_levels WHERE product_id = ANY($1::uuid[])`,
      [products.map((p) => p.id)],
    );
    const soldExpected = placed.length + 4;
    const onHandExpected = STOCK * products.length - soldExpected;
    const pgbench = pgbenchCeiling();

    const table = [
      '| concurrency | confirmed orders | orders/s | p50 ms | p99 ms | Postgres commits/order | not confirmed |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.concurrency} | ${r.orders} | ${r.perSecond.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.commitsPerOrder.toFixed(1)} | ${r.notConfirmed} |`),
    ].join('\n');
    const memory = [
      '| process | RSS before MB | RSS after MB |',
      '|---|---:|---:|',
      ...APP_NAMES.map((app) => `| ${app} | ${memoryBefore[app].toFixed(0)} | ${memoryAfter[app].toFixed(0)} |`),
    ].join('\n');
    const cpuNames = Object.keys(rows[0].cpuPerOrder);
    const cpuTable = [
      `| CPU ms per order | ${cpuNames.join(' | ')} | total | of postgres: bench db backends |`,
      `|---:|${cpuNames.map(() => '---:').join('|')}|---:|---:|`,
      ...rows.map(
        (r) =>
          `| concurrency ${r.concurrency} | ${cpuNames.map((name) => r.cpuPerOrder[name].toFixed(1)).join(' | ')} | ${Object.values(r.cpuPerOrder)
            .reduce((a, b) => a + b, 0)
            .toFixed(1)} | ${r.ownBackendsPerOrder.toFixed(1)} |`,
      ),
    ].join('\n');
    const kafkaKeys = [...new Set(rows.flatMap((r) => [...r.kafkaPerOrder].filter(([, n]) => n > 0.005).map(([key]) => key)))].sort();
    const kafkaTable = [
      `| Kafka requests per order (client side) | ${rows.map((r) => `C=${r.concurrency}`).join(' | ')} |`,
      `|---|${rows.map(() => '---:').join('|')}|`,
      ...kafkaKeys.map((key) => `| ${key} | ${rows.map((r) => (r.kafkaPerOrder.get(key) ?? 0).toFixed(2)).join(' | ')} |`),
      `| **total** | ${rows.map((r) => [...r.kafkaPerOrder.values()].reduce((a, b) => a + b, 0).toFixed(1)).join(' | ')} |`,
    ].join('\n');
    const top = rows.find((r) => r.concurrency === 16) ?? rows[rows.length - 1];
    const report = [
      `## ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}, ${DURATION_SECONDS}s per level, load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
      '',
      table,
      '',
      memory,
      '',
      cpuTable,
      '',
      kafkaTable,
      '',
      `- goal at concurrency ${top.concurrency}: ≥ 30 confirmed orders/s (${top.perSecond.toFixed(1)}: ${top.perSecond >= 30 ? 'met' : 'NOT met'}) with p99 < 1 s (${top.p99} ms: ${top.p99 < 1000 ? 'met' : 'NOT met'})`,
      `- Postgres ceiling on this machine: ${pgbench}`,
      `- afterwards: ${lost[0].n} of ${placed.length} orders not CONFIRMED; stock on hand ${stock[0].on_hand} (expected ${onHandExpected}), reserved ${stock[0].reserved} (expected 0): ${
        lost[0].n === 0 && Number(stock[0].on_hand) === onHandExpected && Number(stock[0].reserved) === 0 ? 'nothing lost or oversold' : 'MISMATCH'
      }`,
      FOLLOW === 'stream'
        ? '- clients follow each order on its SSE stream with include=payment, which announces the PaymentIntent: one read of the payment per order, no polling.'
        : '- clients poll the order every 25 ms through the gateway; that read load is part of the measurement.',
      '',
    ].join('\n');
    console.log(`\n${report}`);
    if (profileReport) {
      const profileFile = path.join(CPU_PROFILE_DIR ?? os.tmpdir(), 'checkout-profile.md');
      fs.mkdirSync(path.dirname(profileFile), { recursive: true });
      fs.writeFileSync(profileFile, `${profileReport}\n`);
      console.log(`\n${profileReport}\nprofile written to ${profileFile}`);
    }
    const file = path.join(process.cwd(), 'bench/results/checkout.md');
    if (!fs.existsSync(file))
      fs.writeFileSync(file, '# Checkout benchmark results\n\nRerun with `npm run bench:checkout` (BENCH_DURATION, BENCH_CONCURRENCY to change the run).\n\n');
    fs.appendFileSync(file, `${report}\n`);
    console.log(`appended to ${path.relative(process.cwd(), file)}`);
  } finally {
    if (PG_LOG) await db.query(`ALTER DATABASE "${testEnvironment.databaseName}" RESET log_min_duration_statement`).catch(() => undefined);
    await db.end();
    await sut.stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
