import { Pool } from 'pg';
import { testEnvironment } from '@galley/testing';
import { seedCatalog } from '../../../scripts/seed/catalog-seeder';
import { fakeProducts, SEED_CATEGORIES } from '../../../scripts/seed/fake-catalog';
import { ScratchDatabase } from './scratch-database';

/** The catalog seeder (npm run seed) against an empty scratch database, with small counts. */
describe(seedCatalog.name, () => {
  let scratch: ScratchDatabase;
  let pool: Pool;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create();
    pool = new Pool({ host: testEnvironment.dbHost, port: testEnvironment.dbPort, database: scratch.name, user: scratch.env.DB_USER, password: scratch.env.DB_PASSWORD, max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await scratch?.drop();
  });

  const count = async (sql: string): Promise<number> => (await pool.query<{ n: number }>(sql)).rows[0].n;

  it('tops the catalog up to the requested count without duplicates, with stock and product.created for each', async () => {
    const progress: [number, number][] = [];
    const first = await seedCatalog(pool, { products: 30, currency: 'USD', events: true, batchSize: 7, onProgress: (done, total) => progress.push([done, total]) });
    expect(first).toMatchObject({ before: 0, created: 30, after: 30 });
    expect(progress[0]).toEqual([0, 30]);
    expect(progress[progress.length - 1]).toEqual([30, 30]);

    const second = await seedCatalog(pool, { products: 50, currency: 'USD', events: true, batchSize: 7 });
    expect(second).toMatchObject({ before: 30, created: 20, after: 50 });
    // Asking for fewer than are there changes nothing.
    expect(await seedCatalog(pool, { products: 40, currency: 'USD', events: true })).toMatchObject({ before: 50, created: 0, after: 50 });

    expect(await count(`SELECT count(*)::int AS n FROM inventory.products WHERE sku LIKE 'SEED-%'`)).toBe(50);
    expect(await count(`SELECT count(DISTINCT sku)::int AS n FROM inventory.products`)).toBe(50);
    expect(await count(`SELECT count(*)::int AS n FROM inventory.products WHERE sku = 'SEED-0000050'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM inventory.stock_levels`)).toBe(50);
    expect(await count(`SELECT count(*)::int AS n FROM inventory.categories`)).toBe(SEED_CATEGORIES.length);
    expect(await count(`SELECT count(*)::int AS n FROM inventory.outbox WHERE event_type = 'product.created'`)).toBe(50);
    // Stocked products have their seeding in the audit log, matching the level.
    expect(
      await count(`SELECT count(*)::int AS n FROM inventory.stock_levels l
                   LEFT JOIN inventory.stock_movements m ON m.product_id = l.product_id
                   WHERE (l.on_hand > 0) <> (m.delta IS NOT NULL AND m.delta = l.on_hand)`),
    ).toBe(0);
    const { rows } = await pool.query(`SELECT envelope->'payload' AS payload, p.price_amount::int AS price, p.name
                                       FROM inventory.outbox o JOIN inventory.products p ON p.id::text = o.message_key
                                       WHERE p.sku = 'SEED-0000031'`);
    expect(rows[0].payload).toMatchObject({ name: rows[0].name, price: { amount: rows[0].price, currency: 'USD' }, sku: 'SEED-0000031', modifierGroups: [] });
    // Search works on seeded products: the generated search vector is filled.
    expect(await count(`SELECT count(*)::int AS n FROM inventory.products WHERE search_doc = ''::tsvector`)).toBe(0);
  });

  it('makes the same product for an index whichever run or batch makes it', () => {
    const all = fakeProducts(1, 1200, 7);
    expect(fakeProducts(995, 1005, 7)).toEqual(all.slice(994, 1005));
    expect(fakeProducts(1, 3, 8)).not.toEqual(all.slice(0, 3));
    expect(new Set(all.map((p) => p.sku)).size).toBe(1200);
    for (const product of all.slice(0, 50)) {
      expect(product.priceAmount % 5).toBe(0);
      expect(product.priceAmount).toBeGreaterThanOrEqual(150);
      expect(product.name.length).toBeGreaterThan(2);
    }
  });
});
