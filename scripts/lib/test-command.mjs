// `npm test` (after scripts/test.mjs has installed the dependencies and Chromium): provisions the
// test database (galley_test, never the development one) and a test Kafka broker on its own ports,
// runs the web app's component tests (vitest), builds the web app for the browser tests, then runs
// every jest project last: unit, integration, end-to-end and browser (so the run ends with jest's
// summary). Extra arguments go to jest (e.g. `npm test -- libs/messaging`); such a narrow run skips
// vitest and does not fail on a broken web build. The test broker is left running
// for the next run; `npm stop -- --all` stops it. Two runs at once share galley_test and the broker's
// consumer groups, so they can fail each other (docs/testing.md).
import 'dotenv/config';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromiumPath } from '../bootstrap.mjs';
import { ROOT } from './kafka-broker.mjs';
import { step } from './log.mjs';
import { provision, TEST_TARGET } from './provision.mjs';
import { ensureWebBuilt, WEB_DIST } from './web-build.mjs';

const jestArgs = process.argv.slice(2);
const narrow = jestArgs.some((arg) => !arg.startsWith('-'));

const { env } = await provision(TEST_TARGET).catch((error) => {
  console.error(`test provisioning failed: ${error.message}`);
  process.exit(1);
});

if (narrow) {
  step('Web app component tests (vitest): skipped, a jest path was given');
} else {
  step('Web app component tests (vitest run in apps/web)');
  // --passWithNoTests until the first component test lands; a failing test fails npm test.
  const vitest = spawnSync('npm', ['test', '--silent', '-w', 'apps/web', '--', '--passWithNoTests'], { cwd: ROOT, stdio: 'inherit' });
  if (vitest.status !== 0) {
    console.error('the web app component tests failed (npm test -w apps/web)');
    process.exit(vitest.status ?? 1);
  }
}

try {
  ensureWebBuilt();
} catch (error) {
  if (!narrow) {
    console.error(error.message);
    process.exit(1);
  }
  step(`Web app: ${error.message}; the browser tests use the last build`);
}

// Lint and the type check are independent and each mostly one core: run at once, their output printed whole as each ends.
const typecheckArgs = [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit', '--tsBuildInfoFile', 'dist/.tsbuildinfo-tests'];
step(
  narrow
    ? 'Type-checking tests and sources (lint skipped, a jest path was given: npm run lint runs it)'
    : 'Lint (ESLint, Prettier --check) and type-checking tests and sources, side by side',
);
const [lint, typecheck] = await Promise.all([
  narrow ? Promise.resolve({ status: 0 }) : runBuffered('npm', ['run', '--silent', 'lint']),
  runBuffered(process.execPath, typecheckArgs),
]);
if (lint.status !== 0) {
  console.error('lint or formatting failed: npm run lint says where (npm run format rewrites the formatting)');
  process.exit(lint.status ?? 1);
}
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

step('Running jest (unit, integration, end-to-end, browser)');
const jest = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--runInBand', ...jestArgs], {
  cwd: ROOT,
  stdio: 'inherit',
  // A full run takes about 15 minutes on a clean machine (jest about 13); a hung run fails here instead of eating CI's time.
  timeout: Number(process.env.GALLEY_TEST_TIMEOUT_MS ?? 25 * 60 * 1000),
  killSignal: 'SIGKILL',
  env: {
    ...env,
    NODE_ENV: 'test',
    GALLEY_TEST_DB_NAME: TEST_TARGET.database,
    GALLEY_TEST_KAFKA_BROKERS: `127.0.0.1:${TEST_TARGET.broker.port}`,
    // The browser tests: the gateway RunningSystem starts serves this build, driven by this browser.
    WEB_DIST_DIR: WEB_DIST,
    CHROMIUM_PATH: chromiumPath(),
  },
});
if (jest.error?.code === 'ETIMEDOUT') console.error('jest did not finish in time and was stopped (GALLEY_TEST_TIMEOUT_MS)');
process.exit(jest.status ?? 1);

/** Runs a command with its output collected, then prints that output in one piece (so two can run at once). */
function runBuffered(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => resolve({ status: 1, output: String(error) }));
    child.on('close', (status) => {
      const output = Buffer.concat(chunks).toString();
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      resolve({ status });
    });
  });
}
