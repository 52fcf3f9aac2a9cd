// npm run seed -- --products 100000 [--test] [--seed 42] [--no-events] [--batch 2000] (--help)
// Tops the catalog up to N generated products (SKU SEED-nnnnnnn) in the development database
// (galley), or galley_test with --test (DB_NAME overrides both), as the inventory role.
import 'reflect-metadata';
import 'dotenv/config';
import { SingleBar, Presets } from 'cli-progress';
import { Pool } from 'pg';
import { cliFailure, cliInteger, readCliArguments } from '@galley/config';
import { seedCatalog } from './seed/catalog-seeder';

const USAGE = `usage: npm run seed -- [--products N] [--test] [--seed N] [--no-events] [--batch N]
  --products N   top the catalog up to N generated products (SKU SEED-nnnnnnn), 0 to 5000000 (default 1000)
  --test         galley_test instead of the development database galley (DB_NAME overrides both)
  --seed N       the generator's seed, so two runs make the same products (default 42)
  --no-events    write no product.created to the outbox
  --batch N      products per insert, 1 to 20000 (default 2000)
  -h, --help     this text`;

interface Args {
  products: number;
  test: boolean;
  seed: number;
  events: boolean;
  batch: number;
}

function seedArguments(argv: readonly string[]): Args | undefined {
  const parsed = readCliArguments(argv, {
    usage: USAGE,
    options: {
      products: { type: 'string', default: '1000' },
      test: { type: 'boolean', default: false },
      seed: { type: 'string', default: '42' },
      'no-events': { type: 'boolean', default: false },
      batch: { type: 'string', default: '2000' },
    },
  });
  if (!parsed) return undefined;
  const { values } = parsed;
  return {
    products: cliInteger('products', values.products, { min: 0, max: 5_000_000 }, USAGE),
    test: values.test,
    seed: cliInteger('seed', values.seed, { min: 0, max: 2 ** 31 - 1 }, USAGE),
    events: !values['no-events'],
    batch: cliInteger('batch', values.batch, { min: 1, max: 20_000 }, USAGE),
  };
}

async function main(): Promise<void> {
  const args = seedArguments(process.argv.slice(2));
  if (!args) return;
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
  const failure = cliFailure('seed failed', error);
  console.error(failure.message);
  process.exit(failure.code);
});
