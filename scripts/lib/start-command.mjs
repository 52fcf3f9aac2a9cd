// `npm start` (after scripts/start.mjs has installed the dependencies): provisions what is missing
// (Postgres database, roles and schemas, the Kafka broker, migrations, topics), builds the web app
// when its sources changed, starts the six apps and prints where the gateway listens.
// Ctrl-C (or `npm stop`) stops what this started and nothing else. `--detach` returns once
// everything is ready and leaves the apps running.
import 'dotenv/config';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, portAnswers, stopBroker } from './kafka-broker.mjs';
import { step } from './log.mjs';
import { passwordOf, roleOf, SERVICES } from './postgres.mjs';
import { DEV_TARGET, provision } from './provision.mjs';
import { APPS, PORTS, RUN_DIR, readRunState, stopApps, writeRunState } from './apps.mjs';
import { ensureWebBuilt } from './web-build.mjs';

const detach = process.argv.includes('--detach');

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

  for (const app of APPS) {
    if (await portAnswers(PORTS[app])) {
      step(`${app}: something already listens on ${PORTS[app]}; reusing it`);
      continue;
    }
    const log = fs.openSync(path.join(RUN_DIR, `${app}.log`), 'a');
    const child = spawn(
      process.execPath,
      ['-r', path.join(ROOT, 'scripts/register-paths.cjs'), path.join(ROOT, 'dist/apps', app, 'src/main.js')],
      { cwd: ROOT, env: appEnv(app, env), stdio: ['ignore', log, log], detached: true },
    );
    child.unref();
    state.pids[app] = child.pid;
    step(`${app}: started (pid ${child.pid}, port ${PORTS[app]}, log .cache/run/${app}.log)`);
  }
  writeRunState(state);

  await Promise.all(APPS.map((app) => waitReady(app)));
  step('All six apps are ready.');
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
