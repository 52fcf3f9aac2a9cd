// Compares the payments ledger, payments/refunds and the order states payments knows:
//   npm run payments:reconcile              the development database (DB_NAME, default galley)
//   npm run payments:reconcile -- --test    galley_test
// Exit code 0 when everything agrees, 1 with one line per difference, 2 when it could not run.
import 'dotenv/config';
import { Pool } from 'pg';
import { loadServiceConfig, postgresConnectionOptions } from '@galley/config';
import { fromPgClient } from '@galley/messaging';
import { reconcilePayments } from '../services/reconciliation';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--test');
  if (unknown.length > 0) {
    console.error('usage: npm run payments:reconcile [-- --test]');
    return 2;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DB_PASSWORD: process.env.DB_PASSWORD ?? process.env.DB_PASSWORD_PAYMENTS ?? 'galley_payments_dev',
    ...(args.includes('--test') ? { DB_NAME: process.env.GALLEY_TEST_DB_NAME ?? 'galley_test' } : {}),
  };
  const config = loadServiceConfig('payments', env);
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
    console.error(`payments:reconcile: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
