// npm run bench:gateway — the cost of the gateway hop. In one run, on one started system:
//   the same authenticated read (GET /api/users/me) through the gateway and straight to users;
//   login throughput (argon2id bounds it; the cost setting is printed).
// Prints a table and appends it to bench/results/gateway.md.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { RunningSystem } from '@galley/testing';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LOGIN_CONNECTIONS = Number(process.env.BENCH_LOGIN_CONNECTIONS ?? 4);

interface Row {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(name: string, options: autocannon.Options): Promise<Row> {
  process.stdout.write(`  ${name}: ${options.connections} connections for ${options.duration}s...\n`);
  const result = await autocannon({ ...options, workers: 0 });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  console.log('gateway benchmark: starting the six apps against the test database and broker...');
  // Rate limits are raised for the run: the point is what the hop and argon2 cost, not the limiter.
  const sut = await RunningSystem.start({
    env: { LOG_LEVEL: 'warn' },
    appEnv: { users: { AUTH_RATE_LIMIT_PER_ADDRESS: '1000000', LOGIN_FAILURES_PER_EMAIL: '1000' }, gateway: { RATE_LIMIT_PER_ADDRESS: '100000000' } },
  });
  try {
    const email = `bench-${randomUUID()}@example.com`;
    const password = 'benchmark-password-1';
    const json = { 'content-type': 'application/json' };
    await fetch(`${sut.gatewayUrl}/api/auth/register`, { method: 'POST', headers: json, body: JSON.stringify({ email, password, name: 'Bench' }) });
    const login = await fetch(`${sut.gatewayUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    const rows: Row[] = [];
    // Warm both paths (JIT, JWKS cache, keep-alive pools) before measuring.
    await autocannon({ url: `${sut.gatewayUrl}/api/users/me`, headers: auth, connections: CONNECTIONS, duration: 2, workers: 0 });
    await autocannon({ url: `${sut.serviceUrl('users')}/api/users/me`, headers: auth, connections: CONNECTIONS, duration: 2, workers: 0 });
    rows.push(await load('direct to users', { url: `${sut.serviceUrl('users')}/api/users/me`, headers: auth, connections: CONNECTIONS, duration: DURATION }));
    rows.push(await load('through the gateway', { url: `${sut.gatewayUrl}/api/users/me`, headers: auth, connections: CONNECTIONS, duration: DURATION }));
    rows.push(
      await load('login through the gateway', {
        url: `${sut.gatewayUrl}/api/auth/login`,
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email, password }),
        connections: LOGIN_CONNECTIONS,
        duration: DURATION,
      }),
    );

    // Floors: what one request costs each process's HTTP stack alone (no proxy, no database).
    rows.push(await load('floor: users /health/live', { url: `${sut.serviceUrl('users')}/health/live`, connections: CONNECTIONS, duration: DURATION }));
    rows.push(await load('floor: gateway /health/live', { url: `${sut.gatewayUrl}/health/live`, connections: CONNECTIONS, duration: DURATION }));

    const [direct, gateway, logins] = rows;
    const throughputCost = 1 - gateway.requestsPerSecond / direct.requestsPerSecond;
    const addedP50 = gateway.p50 - direct.p50;
    const table = [
      '| path | req/s | p50 ms | p99 ms | non-2xx | errors |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`),
    ].join('\n');
    const report = [
      `## ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}, GET /api/users/me with ${CONNECTIONS} connections for ${DURATION}s`,
      '',
      table,
      '',
      `- gateway hop: ${(throughputCost * 100).toFixed(1)} % of direct throughput (goal ≤ 10 %): ${throughputCost <= 0.1 ? 'met' : 'NOT met'}`,
      `- added p50 latency: ${addedP50.toFixed(1)} ms (goal ≤ 2 ms): ${addedP50 <= 2 ? 'met' : 'NOT met'}`,
      `- login: ${Math.round(logins.requestsPerSecond)}/s with argon2id at 19 MiB, 2 iterations, 1 lane (OWASP), ${LOGIN_CONNECTIONS} connections`,
      '',
    ].join('\n');
    console.log(`\n${report}`);
    const file = path.join(process.cwd(), 'bench/results/gateway.md');
    if (!fs.existsSync(file)) fs.writeFileSync(file, '# Gateway benchmark results\n\nRerun with `npm run bench:gateway`.\n\n');
    fs.appendFileSync(file, `${report}\n`);
    console.log(`appended to ${path.relative(process.cwd(), file)}`);
  } finally {
    await sut.stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
