import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { adminPoolConfig, createServiceTopics } from '@galley/testing';
import { PinoLogger } from 'nestjs-pino';
import { InventoryConfig } from '../src/config/inventory-config';
import { INVENTORY_CONFIG } from '../src/config/inventory-config.token';
import { DEMO_MENU } from '../src/domain/demo-menu';
import { InventoryStore } from '../src/repositories/inventory-store';
import { CatalogService } from '../src/services/catalog.service';
import { ProductImagesService } from '../src/services/product-images.service';
import { StockService } from '../src/services/stock.service';
import { DemoCatalogLoader } from '../src/services/demo-catalog.service';
import { InventoryTestApp } from './inventory-test-app';
import { ScratchDatabase } from './scratch-database';

const DISHES = DEMO_MENU.flatMap((category) => category.dishes);

/**
 * The demo menu on first start, against its own empty scratch database (the shared test schema
 * holds other tests' data). Topics get a unique prefix, so its events reach no other consumer.
 */
describe(DemoCatalogLoader.name, () => {
  let scratch: ScratchDatabase;
  let db: Client;
  let storageDir: string;
  const prefix = `demo${randomUUID().slice(0, 8)}.`;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create();
    db = new Client({ ...adminPoolConfig(), database: scratch.name });
    await db.connect();
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'galley-demo-images-'));
    await createServiceTopics(prefix, { partitions: 1 });
  });

  afterAll(async () => {
    await db?.end();
    await scratch?.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  const start = (demo: 'true' | 'false') => InventoryTestApp.start({ ...scratch.env, DEMO_CATALOG: demo, IMAGE_STORAGE_DIR: storageDir, KAFKA_TOPIC_PREFIX: prefix });
  const count = async (sql: string): Promise<number> => (await db.query<{ n: number }>(sql)).rows[0].n;

  const wipe = () =>
    db.query(`TRUNCATE inventory.product_images, inventory.stock_movements, inventory.stock_levels, inventory.products, inventory.categories, inventory.outbox CASCADE`);

  it('loads the menu into an empty catalog on start: dishes, modifiers, stock, pictures, product.created; then never again', async () => {
    const sut = await start('true');
    try {
      const list = (await sut.http.get('/api/products').query({ limit: 100 }).expect(200)).body;
      expect(list.items).toHaveLength(DISHES.length);
      expect(DISHES.length).toBeGreaterThanOrEqual(12);
      const margherita = list.items.find((item: { name: string }) => item.name === 'Pizza Margherita');
      expect(margherita).toMatchObject({
        price: { amount: 1250, currency: 'USD' },
        available: 50,
        tags: ['vegetarian', 'classic'],
        modifierGroups: [
          {
            name: 'Size',
            minSelect: 1,
            maxSelect: 1,
            options: expect.arrayContaining([expect.objectContaining({ name: 'Large 12"', priceDelta: { amount: 300, currency: 'USD' } })]),
          },
          { name: 'Extras', minSelect: 0, maxSelect: 4 },
        ],
      });
      expect(margherita.images).toHaveLength(1);
      const picture = await sut.http.get(margherita.images[0].largeUrl).buffer(true).expect(200);
      expect(await sharp(picture.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 1280, height: 960 });
      expect(list.items.every((item: { images: unknown[] }) => item.images.length === 1)).toBe(true);
      const categories = (await sut.http.get('/api/categories').expect(200)).body.items;
      expect(categories.map((c: { slug: string }) => c.slug).sort()).toEqual(DEMO_MENU.map((c) => c.slug).sort());
      // Found by search like any product.
      expect((await sut.http.get('/api/products').query({ q: 'margherrita' }).expect(200)).body.items[0].name).toBe('Pizza Margherita');

      expect(await count(`SELECT count(*)::int AS n FROM inventory.outbox WHERE event_type = 'product.created'`)).toBe(DISHES.length);
      expect(await count(`SELECT count(*)::int AS n FROM inventory.outbox WHERE event_type = 'stock.changed'`)).toBe(DISHES.length);
      expect(await count(`SELECT count(*)::int AS n FROM inventory.stock_movements WHERE reason = 'demo menu: opening stock'`)).toBe(DISHES.length);

      const loader = sut.app.get(DemoCatalogLoader);
      // A restart (or a second instance) finds the menu there and adds nothing.
      expect(await loader.loadIfEmpty()).toEqual({ loaded: false, reason: 'the catalog has data' });
      expect(await count(`SELECT count(*)::int AS n FROM inventory.products`)).toBe(DISHES.length);

      // Two instances racing on an empty catalog: one loads, the other waits on the lock and skips.
      await wipe();
      const outcomes = await Promise.all([loader.loadIfEmpty(), loader.loadIfEmpty()]);
      expect(outcomes.filter((outcome) => outcome.loaded)).toHaveLength(1);
      expect(await count(`SELECT count(*)::int AS n FROM inventory.products`)).toBe(DISHES.length);
      expect(await count(`SELECT count(*)::int AS n FROM inventory.outbox WHERE event_type = 'product.created'`)).toBe(DISHES.length);

      // A catalog with anything in it (even one category) is left alone at start-up.
      await wipe();
      await db.query(`INSERT INTO inventory.categories (id, name, slug) VALUES ($1, 'Specials', 'specials')`, [randomUUID()]);
      await loader.onApplicationBootstrap();
      expect(await count(`SELECT count(*)::int AS n FROM inventory.products`)).toBe(0);

      // Switched off (DEMO_CATALOG=false), start-up loads nothing even into an empty catalog.
      await wipe();
      const config = sut.app.get<symbol, InventoryConfig>(INVENTORY_CONFIG);
      const switchedOff = new DemoCatalogLoader(
        sut.app.get(InventoryStore),
        sut.app.get(CatalogService),
        sut.app.get(StockService),
        sut.app.get(ProductImagesService),
        { ...config, DEMO_CATALOG: false } as InventoryConfig,
        await sut.app.resolve(PinoLogger),
      );
      await switchedOff.onApplicationBootstrap();
      expect(await count(`SELECT count(*)::int AS n FROM inventory.categories`)).toBe(0);
    } finally {
      await sut.close();
    }
  });
});
