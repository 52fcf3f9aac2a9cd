// `npm run bench:<name>`: provisions the test database and broker (never the development ones),
// builds, runs bench/<name>.bench.ts compiled, and stops the broker if it started it.
import 'dotenv/config';
import { stopBroker } from './lib/kafka-broker.mjs';
import { provision, runCompiled, TEST_TARGET } from './lib/provision.mjs';

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/bench.mjs <name>');
  process.exit(2);
}
const { brokerStarted, env } = await provision(TEST_TARGET);
let failed = false;
try {
  runCompiled(`bench/${name}.bench.js`, process.argv.slice(3), {
    ...env,
    GALLEY_TEST_DB_NAME: TEST_TARGET.database,
    GALLEY_TEST_KAFKA_BROKERS: `127.0.0.1:${TEST_TARGET.broker.port}`,
  });
} catch (error) {
  console.error(error.message);
  failed = true;
}
if (brokerStarted) await stopBroker(TEST_TARGET.broker.name);
process.exit(failed ? 1 : 0);
