import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { productCreatedV1 } from '@galley/contracts';
import { fromPgClient, OutboxWriter } from '@galley/messaging';
import { fakeProducts, FakeProduct, SEED_BLOCK, SEED_CATEGORIES, SEED_SKU_PREFIX } from './fake-catalog';

export interface SeedOptions {
  /** How many seeded products the catalog should hold when done (a top-up, never a duplicate). */
  products: number;
  currency: string;
  /** Publish product.created for each new product through the outbox (orders needs them to take orders). */
  events: boolean;
  seed?: number;
  batchSize?: number;
  topicPrefix?: string;
  onProgress?: (created: number, toCreate: number) => void;
}

export interface SeedResult {
  before: number;
  created: number;
  after: number;
  seconds: number;
}

/**
 * Tops the catalog up to `products` seeded products (SKU `SEED-nnnnnnn`), in multi-row inserts of
 * `batchSize` per transaction as the inventory role: products, their stock levels, an audit
 * movement each and (with `events`) product.created in the outbox, all committed together per batch.
 * New products continue after the highest seeded index, so a rerun never makes a product twice,
 * and `ON CONFLICT (sku) DO NOTHING` covers two runs at once.
 */
export async function seedCatalog(pool: Pool, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const seed = options.seed ?? 42;
  const batchSize = options.batchSize ?? 2000;
  const outbox = new OutboxWriter({ schema: 'inventory', topicPrefix: options.topicPrefix ?? '' });
  const categoryIds = await ensureCategories(pool);
  const { rows } = await pool.query<{ count: number; last: number | null }>(
    `SELECT count(*)::int AS count, max(substring(sku FROM $2::int)::int) AS last FROM inventory.products WHERE sku LIKE $1`,
    [`${SEED_SKU_PREFIX}%`, SEED_SKU_PREFIX.length + 1],
  );
  const before = rows[0].count;
  const toCreate = Math.max(0, options.products - before);
  const first = (rows[0].last ?? 0) + 1;
  const last = first + toCreate - 1;
  let created = 0;
  options.onProgress?.(0, toCreate);
  // The next batch is generated while Postgres writes the current one (two processes, two cores).
  let batch = toCreate > 0 ? await generate(first, Math.min(last, first + batchSize - 1), seed) : [];
  for (let from = first; from <= last; from += batchSize) {
    const writing = inTransaction(pool, (client) => insertBatch(client, batch, categoryIds, options, outbox));
    const nextFrom = from + batchSize;
    const upcoming = nextFrom <= last ? await generate(nextFrom, Math.min(last, nextFrom + batchSize - 1), seed) : [];
    created += await writing;
    options.onProgress?.(created, toCreate);
    batch = upcoming;
  }
  // Fresh statistics, so search plans fit the new size at once rather than after autovacuum.
  if (created > 0) await pool.query('ANALYZE inventory.products, inventory.stock_levels');
  return { before, created, after: before + created, seconds: (Date.now() - started) / 1000 };
}

/** Generates a range block by block, yielding between blocks so the pending batch's queries keep flowing. */
async function generate(from: number, to: number, seed: number): Promise<FakeProduct[]> {
  const products: FakeProduct[] = [];
  for (let start = from; start <= to; start = (Math.floor((start - 1) / SEED_BLOCK) + 1) * SEED_BLOCK + 1) {
    products.push(...fakeProducts(start, Math.min(to, (Math.floor((start - 1) / SEED_BLOCK) + 1) * SEED_BLOCK), seed));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return products;
}

async function ensureCategories(pool: Pool): Promise<string[]> {
  await pool.query(`INSERT INTO inventory.categories (id, name, slug) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT (slug) DO NOTHING`, [
    SEED_CATEGORIES.map(() => randomUUID()),
    SEED_CATEGORIES.map((c) => c.name),
    SEED_CATEGORIES.map((c) => c.slug),
  ]);
  const { rows } = await pool.query<{ id: string; slug: string }>(`SELECT id, slug FROM inventory.categories WHERE slug = ANY($1::text[])`, [SEED_CATEGORIES.map((c) => c.slug)]);
  const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
  return SEED_CATEGORIES.map((category) => bySlug.get(category.slug)!);
}

async function insertBatch(client: PoolClient, batch: FakeProduct[], categoryIds: string[], options: SeedOptions, outbox: OutboxWriter): Promise<number> {
  const ids = batch.map(() => randomUUID());
  const inserted = await client.query<{ id: string; sku: string }>(
    `INSERT INTO inventory.products (id, name, description, category_id, price_amount, currency, sku, tags)
     SELECT id, name, description, category_id, price, $6, sku, string_to_array(tags, '|')
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::bigint[], $7::text[], $8::text[])
         AS rows(id, name, description, category_id, price, sku, tags)
     ON CONFLICT (sku) DO NOTHING RETURNING id, sku`,
    [
      ids,
      batch.map((p) => p.name),
      batch.map((p) => p.description),
      batch.map((p) => categoryIds[p.category]),
      batch.map((p) => p.priceAmount),
      options.currency,
      batch.map((p) => p.sku),
      batch.map((p) => p.tags.join('|')),
    ],
  );
  if (inserted.rows.length === 0) return 0;
  const bySku = new Map(batch.map((p) => [p.sku, p]));
  const fresh = inserted.rows.map((row) => ({ id: row.id, product: bySku.get(row.sku)! }));
  await client.query(`INSERT INTO inventory.stock_levels (product_id, on_hand) SELECT * FROM unnest($1::uuid[], $2::int[])`, [
    fresh.map((f) => f.id),
    fresh.map((f) => f.product.onHand),
  ]);
  const stocked = fresh.filter((f) => f.product.onHand > 0);
  await client.query(
    `INSERT INTO inventory.stock_movements (product_id, kind, delta, reason, on_hand_after)
     SELECT id, 'adjustment', qty, 'seeded', qty FROM unnest($1::uuid[], $2::int[]) AS rows(id, qty)`,
    [stocked.map((f) => f.id), stocked.map((f) => f.product.onHand)],
  );
  if (options.events) {
    await outbox.appendAll(
      fromPgClient(client),
      productCreatedV1,
      fresh.map(({ id, product }) => ({
        aggregateId: id,
        payload: {
          productId: id,
          name: product.name,
          categoryId: categoryIds[product.category],
          price: { amount: product.priceAmount, currency: options.currency },
          modifierGroups: [],
          sku: product.sku,
        },
      })),
    );
  }
  return fresh.length;
}

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
