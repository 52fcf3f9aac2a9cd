// `npm run bench:<name>`: provisions the test database and broker (never the development ones),
// builds and runs bench/<name>.bench.ts compiled. The test broker is left running, as by npm test.
import 'dotenv/config';
import { provision, runCompiled, TEST_TARGET } from './lib/provision.mjs';

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/bench.mjs <name>');
  process.exit(2);
}
// A bench may ask for a database of its own (GALLEY_BENCH_DB), with topics of its own on the test
// broker (prefixed with the database's name, passed on as KAFKA_TOPIC_PREFIX): bench:web measures
// the demo catalog, which galley_test stops being once tests and bench:search add their products.
const ownDatabase = process.env.GALLEY_BENCH_DB;
const target = ownDatabase ? { ...TEST_TARGET, database: ownDatabase, topicPrefix: ownDatabase } : TEST_TARGET;
const { env } = await provision(target);
let failed = false;
try {
  runCompiled(`bench/${name}.bench.js`, process.argv.slice(3), {
    ...env,
    GALLEY_TEST_DB_NAME: target.database,
    GALLEY_TEST_KAFKA_BROKERS: `127.0.0.1:${TEST_TARGET.broker.port}`,
    // Benchmarks measure the services: the test client's OpenAPI response checks would take CPU from them on 2 cores.
    GALLEY_VALIDATE_RESPONSES: process.env.GALLEY_VALIDATE_RESPONSES ?? '0',
  });
} catch (error) {
  console.error(error.message);
  failed = true;
}
process.exit(failed ? 1 : 0);
