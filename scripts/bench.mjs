// `npm run bench:<name>`: provisions the test database and broker (never the development ones),
// builds and runs bench/<name>.bench.ts compiled. The test broker is left running, as by npm test.
import 'dotenv/config';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { provision, runCompiled, TEST_TARGET } from './lib/provision.mjs';

const BENCHES = readdirSync(new URL('../bench/', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();
const USAGE = `usage: node scripts/bench.mjs <${BENCHES.join('|')}> [--relevance-only]   (npm run bench:<name>)
  Provisions the test database and broker, builds, runs bench/<name>.bench.ts and appends its
  results to bench/results/. GALLEY_BENCH_DB gives a bench a database (and topics) of its own.
  --relevance-only   search only: measure recall and stop (npm run bench:search-relevance)
  -h, --help         this text`;

let parsed;
try {
  parsed = parseArgs({ options: { help: { type: 'boolean', short: 'h' }, 'relevance-only': { type: 'boolean' } }, allowPositionals: true, strict: true });
} catch (error) {
  console.error(`bench: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [name, ...extra] = parsed.positionals;
const refusal = !name
  ? 'which benchmark?'
  : !BENCHES.includes(name)
    ? `no benchmark ${name}`
    : extra.length > 0
      ? `one benchmark at a time, not ${[name, ...extra].join(' ')}`
      : parsed.values['relevance-only'] && name !== 'search'
        ? '--relevance-only goes with search'
        : undefined;
if (refusal) {
  console.error(`bench: ${refusal}\n${USAGE}`);
  process.exit(2);
}
const benchArgs = parsed.values['relevance-only'] ? ['--relevance-only'] : [];
// A bench may ask for a database of its own (GALLEY_BENCH_DB), with topics of its own on the test
// broker (prefixed with the database's name, passed on as KAFKA_TOPIC_PREFIX): bench:web measures
// the demo catalog, which galley_test stops being once tests and bench:search add their products.
const ownDatabase = process.env.GALLEY_BENCH_DB;
const target = ownDatabase ? { ...TEST_TARGET, database: ownDatabase, topicPrefix: ownDatabase } : TEST_TARGET;
const { env } = await provision(target);
let failed = false;
try {
  runCompiled(`bench/${name}.bench.js`, benchArgs, {
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
