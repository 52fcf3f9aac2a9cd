// Compares the payments ledger, payments/refunds and the order states payments knows:
//   npm run payments:reconcile              the development database (DB_NAME, default galley)
//   npm run payments:reconcile -- --test    galley_test
// Exit code 0 when everything agrees, 1 with one line per difference, 2 when it could not run.
import 'dotenv/config';
import { Pool } from 'pg';
import { cliFailure, loadServiceConfig, postgresConnectionOptions, readCliArguments, serviceCliEnvironment } from '@galley/config';
import { fromPgClient } from '@galley/messaging';
import { reconcilePayments } from '../services/reconciliation';

const USAGE = `usage: npm run payments:reconcile [-- --test]
  Compares the ledger, payments and refunds and the order states payments has seen, in one snapshot.
  Exit code 0 when they agree, 1 with one line per difference, 2 when it could not run.
  --test       the test database (GALLEY_TEST_DB_NAME, default galley_test) instead of DB_NAME (default galley)
  -h, --help   this text`;

async function main(): Promise<number> {
  const args = readCliArguments(process.argv.slice(2), { usage: USAGE, options: { test: { type: 'boolean', default: false } } });
  if (!args) return 0;
  const config = loadServiceConfig('payments', serviceCliEnvironment('payments', process.env, { testDatabase: args.values.test }));
  const pool = new Pool({ ...postgresConnectionOptions(config), max: 1 });
  try {
    // One snapshot, so a payment settling mid-run cannot look like a difference.
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const found = await reconcilePayments(fromPgClient(client));
      await client.query('COMMIT');
      if (found.length === 0) {
        console.log(`payments reconcile (${config.DB_NAME}): ledger, payments and orders agree`);
        return 0;
      }
      console.log(`payments reconcile (${config.DB_NAME}): ${found.length} difference(s)`);
      for (const discrepancy of found) console.log(`  ${discrepancy.kind}  ${discrepancy.message}`);
      return 1;
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const failure = cliFailure('payments:reconcile', error, 2);
    console.error(failure.message);
    process.exit(failure.code);
  },
);
