// npm run seed -- --products 100000 [--test] [--seed 42] [--no-events] [--batch 2000]
// Tops the catalog up to N generated products (SKU SEED-nnnnnnn) in the development database
// (galley), or galley_test with --test (DB_NAME overrides both), as the inventory role.
import 'reflect-metadata';
import 'dotenv/config';
import { SingleBar, Presets } from 'cli-progress';
import { Pool } from 'pg';
import { seedCatalog } from './seed/catalog-seeder';

interface Args {
  products: number;
  test: boolean;
  seed: number;
  events: boolean;
  batch: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { products: 1000, test: false, seed: 42, events: true, batch: 2000 };
  const positiveInt = (flag: string, value: string | undefined, max: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${flag} needs a whole number from 0 to ${max}, got ${value ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--products') args.products = positiveInt(flag, argv[++i], 5_000_000);
    else if (flag === '--seed') args.seed = positiveInt(flag, argv[++i], 2 ** 31 - 1);
    else if (flag === '--batch') args.batch = Math.max(1, positiveInt(flag, argv[++i], 20_000));
    else if (flag === '--test') args.test = true;
    else if (flag === '--no-events') args.events = false;
    else throw new Error(`unknown option ${flag} (use --products N, --test, --seed N, --no-events, --batch N)`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const database = process.env.DB_NAME || (args.test ? 'galley_test' : 'galley');
  const pool = new Pool({
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || 5432),
    database,
    user: 'galley_inventory',
    password: process.env.DB_PASSWORD_INVENTORY || 'galley_inventory_dev',
    max: 2,
    application_name: 'galley-seed-catalog',
  });
  const bar = new SingleBar({ format: 'seeding {bar} {percentage}% | {value}/{total} products | {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
  console.log(`Seeding database ${database}: topping up to ${args.products} seeded products${args.events ? ' (product.created through the outbox)' : ' (no events)'}`);
  try {
    let started = false;
    const result = await seedCatalog(pool, {
      products: args.products,
      currency: process.env.GALLEY_CURRENCY || 'USD',
      events: args.events,
      seed: args.seed,
      batchSize: args.batch,
      topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
      onProgress: (created, total) => {
        if (total === 0) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(created);
      },
    });
    if (started) bar.stop();
    console.log(
      result.created === 0
        ? `Nothing to do: ${result.before} seeded products already there.`
        : `Created ${result.created} products in ${result.seconds.toFixed(1)} s (${Math.round(result.created / result.seconds)}/s); ${result.after} seeded products now.`,
    );
  } finally {
    bar.stop();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
