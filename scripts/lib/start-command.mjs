// `npm start` (after scripts/start.mjs has installed the dependencies): provisions what is missing
// (Postgres database, roles and schemas, the Kafka broker, migrations, topics), builds the web app
// when its sources changed, starts the six apps and prints where the gateway listens.
// Ctrl-C (or `npm stop`) stops what this started and nothing else. `--detach` returns once
// everything is ready and leaves the apps running; `--without <app>` starts every app but that one,
// for running it yourself (`npx nest start <app> --watch`). `npm start -- --help` says so.
import 'dotenv/config';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, portAnswers, stopBroker } from './kafka-broker.mjs';
import { step } from './log.mjs';
import { passwordOf, roleOf, SERVICES } from './postgres.mjs';
import { DEV_TARGET, provision } from './provision.mjs';
import { APPS, PORTS, RUN_DIR, readRunState, stopApps, writeRunState } from './apps.mjs';
import { ensureWebBuilt } from './web-build.mjs';

const USAGE = `usage: npm start [-- --detach] [-- --without <app>]
  Provisions Postgres, Kafka, the build, migrations and topics, then starts the six apps and prints
  where the gateway listens. Ctrl-C stops what it started.
  --detach         return once everything is ready and leave it running (npm stop stops it)
  --without <app>  start every app but this one (repeatable), to run it yourself with
                   npx nest start <app> --watch (see docs/development.md)
  -h, --help       this text`;

let options;
try {
  options = parseArgs({
    options: { detach: { type: 'boolean', default: false }, without: { type: 'string', multiple: true, default: [] }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }).values;
} catch (error) {
  console.error(`npm start: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const unknownApps = options.without.filter((app) => !APPS.includes(app));
if (unknownApps.length > 0) {
  console.error(`npm start: no app ${unknownApps.join(', ')} (apps: ${APPS.join(', ')})\n${USAGE}`);
  process.exit(2);
}
const detach = options.detach;
const started = APPS.filter((app) => !options.without.includes(app));

async function waitReady(app, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORTS[app]}/health/ready`);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${app} was not ready within ${timeoutMs / 1000} s (last answer: ${last}); see .cache/run/${app}.log`);
}

function appEnv(app, baseEnv) {
  const env = { ...baseEnv, PORT: String(PORTS[app]), NODE_ENV: baseEnv.NODE_ENV ?? 'development' };
  if (SERVICES.includes(app)) {
    env.DB_USER = roleOf(app);
    env.DB_PASSWORD = passwordOf(app);
  }
  return env;
}

async function main() {
  const { brokerStarted, env } = await provision(DEV_TARGET);
  try {
    ensureWebBuilt();
  } catch (error) {
    // The API does not need the pages: start anyway (the gateway serves the last build, or 503).
    step(`Web app: ${error.message}; starting without a fresh build`);
  }
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const state = readRunState();
  state.brokerStarted = state.brokerStarted || brokerStarted;
  state.pids = state.pids ?? {};

  for (const app of options.without) {
    const password = SERVICES.includes(app) ? `DB_PASSWORD=${passwordOf(app)} ` : '';
    step(`${app}: left out (--without); run it yourself, e.g. ${password}npx nest start ${app} --watch`);
  }
  for (const app of started) {
    if (await portAnswers(PORTS[app])) {
      step(`${app}: something already listens on ${PORTS[app]}; reusing it`);
      continue;
    }
    const log = fs.openSync(path.join(RUN_DIR, `${app}.log`), 'a');
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'scripts/register-paths.cjs'), path.join(ROOT, 'dist/apps', app, 'src/main.js')], {
      cwd: ROOT,
      env: appEnv(app, env),
      stdio: ['ignore', log, log],
      detached: true,
    });
    child.unref();
    state.pids[app] = child.pid;
    step(`${app}: started (pid ${child.pid}, port ${PORTS[app]}, log .cache/run/${app}.log)`);
  }
  writeRunState(state);

  await Promise.all(started.map((app) => waitReady(app)));
  step(started.length === APPS.length ? 'All six apps are ready.' : `Ready: ${started.join(', ')} (without ${options.without.join(', ')}).`);
  console.log(`\n  Galley: http://127.0.0.1:${PORTS.gateway}  (storefront at /, dashboard at /admin, API under /api, docs at /docs, health at /health/ready)\n`);
  if (detach) {
    console.log('  Running in the background; `npm stop` stops it.');
    return;
  }
  console.log('  Press Ctrl-C to stop.');
  const shutdown = async () => {
    step('Stopping...');
    await stopApps();
    if (readRunState().brokerStarted) await stopBroker(DEV_TARGET.broker.name);
    writeRunState({});
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => undefined, 1 << 30);
}

main().catch(async (error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
