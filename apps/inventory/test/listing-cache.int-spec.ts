import { randomUUID } from 'node:crypto';
import { InventoryTestApp } from './inventory-test-app';

/**
 * The listing cache (GET /api/products) on real Postgres: pages are kept, a change committed by
 * anyone (another replica, a consumer, SQL) empties the cache within a second, and while the
 * change feed is lost nothing is served from the cache.
 */
describe('listing cache', () => {
  let sut: InventoryTestApp;
  const word = () =>
    `zc${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 8)}`;

  beforeAll(async () => {
    sut = await InventoryTestApp.start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  const names = async (q: string) => ((await sut.http.get('/api/products').query({ q }).expect(200)).body.items as { name: string }[]).map((i) => i.name);

  /** A rename Postgres commits without firing triggers (replica mode), so no notification reaches the cache. */
  async function renameUnannounced(id: string, name: string): Promise<void> {
    const client = await sut.db.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE inventory.products SET name = $2 WHERE id = $1`, [id, name]);
    } finally {
      await client.query(`RESET session_replication_role`).catch(() => undefined);
      client.release();
    }
  }

  async function eventually<T>(read: () => Promise<T>, expected: T, withinMs: number): Promise<number> {
    const started = Date.now();
    let last: T = await read();
    while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() - started < withinMs) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      last = await read();
    }
    expect(last).toEqual(expected);
    return Date.now() - started;
  }

  async function feedConnected(): Promise<boolean> {
    const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'galley-inventory-catalog-feed' AND query ILIKE 'LISTEN%'`);
    return rows[0].n > 0;
  }

  it('serves a repeated query from the cache', async () => {
    await eventually(feedConnected, true, 5000);
    const name = word();
    const { id } = await sut.product(0, { name: `${name} Soup` });
    expect(await names(name)).toEqual([`${name} Soup`]);
    await renameUnannounced(id, `${name} Stew`);
    // The database says Stew, the kept page still says Soup: the answer came from the cache.
    expect(await names(name)).toEqual([`${name} Soup`]);
  });

  it('shows a change committed by another connection within a second', async () => {
    const name = word();
    const { id } = await sut.product(0, { name: `${name} Pie` });
    expect(await names(name)).toEqual([`${name} Pie`]);
    // As another replica or a consumer would: a write this instance did not serve.
    await sut.db.query(`UPDATE inventory.products SET name = $2 WHERE id = $1`, [id, `${name} Tart`]);
    const took = await eventually(() => names(name), [`${name} Tart`], 1000);
    expect(took).toBeLessThan(1000);
  });

  it('keeps a page over stock and rating changes and serves their new figures within a second', async () => {
    const name = word();
    const { id } = await sut.product(0, { name: `${name} Curry` });
    const item = async () =>
      (await sut.http.get('/api/products').query({ q: name }).expect(200)).body.items[0] as { name: string; available: number; rating: { average: number; count: number } };
    expect(await item()).toMatchObject({ name: `${name} Curry`, available: 0 });
    await renameUnannounced(id, `${name} Korma`);
    // A sale-like stock write: the figures change, the kept page (still saying Curry) is patched, not dropped.
    await sut.db.query(`UPDATE inventory.stock_levels SET on_hand = 7 WHERE product_id = $1`, [id]);
    await eventually(async () => (await item()).available, 7, 1000);
    expect((await item()).name).toBe(`${name} Curry`);
    await sut.db.query(`UPDATE inventory.products SET rating_average = 4.5, rating_count = 2 WHERE id = $1`, [id]);
    await eventually(async () => (await item()).rating, { average: 4.5, count: 2 }, 1000);
    expect((await item()).name).toBe(`${name} Curry`);
    // An in-stock listing depends on stock itself: it is read anew, and sees the rename.
    const inStock = async () => ((await sut.http.get('/api/products').query({ q: name, inStock: 'true' }).expect(200)).body.items as { name: string }[]).map((i) => i.name);
    expect(await inStock()).toEqual([`${name} Korma`]);
    await sut.db.query(`UPDATE inventory.stock_levels SET on_hand = 0 WHERE product_id = $1`, [id]);
    await eventually(inStock, [], 1000);
  });

  it('sees its own writes at once', async () => {
    const name = word();
    const { id } = await sut.product(0, { name: `${name} Bun` });
    expect(await names(name)).toEqual([`${name} Bun`]);
    const admin = await sut.token('admin');
    await sut.http
      .patch(`/api/admin/products/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: `${name} Roll` })
      .expect(200);
    expect(await names(name)).toEqual([`${name} Roll`]);
  });

  it('keeps nothing while the change feed is lost, and caches again once it is back', async () => {
    const name = word();
    const { id } = await sut.product(0, { name: `${name} Salad` });
    expect(await names(name)).toEqual([`${name} Salad`]);
    await sut.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'galley-inventory-catalog-feed'`);
    // Changes made while nobody listens must not be hidden behind a kept page.
    await renameUnannounced(id, `${name} Bowl`);
    await eventually(() => names(name), [`${name} Bowl`], 1000);
    await eventually(feedConnected, true, 10_000);
    expect(await names(name)).toEqual([`${name} Bowl`]);
    await renameUnannounced(id, `${name} Plate`);
    expect(await names(name)).toEqual([`${name} Bowl`]);
  });
});
