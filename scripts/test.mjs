// `npm test`: provisions the test database (galley_test, never the development one) and a test
// Kafka broker on its own ports, then runs every jest project: unit, integration and end-to-end.
// Extra arguments go to jest (e.g. `npm test -- libs/messaging`). The test broker is left running
// for the next run (and for runs in parallel); `npm stop -- --all` stops it.
import 'dotenv/config';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/kafka-broker.mjs';
import { step } from './lib/log.mjs';
import { provision, TEST_TARGET } from './lib/provision.mjs';

const { env } = await provision(TEST_TARGET).catch((error) => {
  console.error(`test provisioning failed: ${error.message}`);
  process.exit(1);
});

step('Type-checking tests and sources');
const typecheck = spawnSync(
  process.execPath,
  [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit', '--tsBuildInfoFile', 'dist/.tsbuildinfo-tests'],
  { cwd: ROOT, stdio: 'inherit' },
);
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

step('Running jest (unit, integration, end-to-end)');
const jest = spawnSync(
  process.execPath,
  [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--runInBand', ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
    // A full run takes about 3 minutes; a hung run fails here instead of eating CI's time.
    timeout: Number(process.env.GALLEY_TEST_TIMEOUT_MS ?? 25 * 60 * 1000),
    killSignal: 'SIGKILL',
    env: {
      ...env,
      NODE_ENV: 'test',
      GALLEY_TEST_DB_NAME: TEST_TARGET.database,
      GALLEY_TEST_KAFKA_BROKERS: `127.0.0.1:${TEST_TARGET.broker.port}`,
    },
  },
);
if (jest.error?.code === 'ETIMEDOUT') console.error('jest did not finish in time and was stopped (GALLEY_TEST_TIMEOUT_MS)');
process.exit(jest.status ?? 1);
