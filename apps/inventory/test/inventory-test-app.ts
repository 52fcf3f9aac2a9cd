import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccessTokenIssuer, generateSigningJwk, parseSigningKey } from '@galley/auth';
import { loadServiceConfig } from '@galley/config';
import { EventContract, EventEnvelope } from '@galley/contracts';
import { createHttpApp, eventHandlerOf, serveEvents } from '@galley/platform';
import { adminPool, deliverThroughInbox, testEnvelope, testEnvironment } from '@galley/testing';
import { loadInventoryConfig } from '../src/config/inventory-config';
import { InventoryModule } from '../src/inventory.module';

/**
 * The inventory service in-process on a random port, against galley_test (migrated by `npm test`)
 * and the test broker, trusting access tokens the test signs. Products, categories and orders it
 * creates are tracked and deleted, with their stock, reservations and outbox rows, by `close()`.
 */
export class InventoryTestApp {
  readonly categoryIds = new Set<string>();
  readonly productIds = new Set<string>();
  readonly orderIds = new Set<string>();
  private readonly eventIds = new Set<string>();

  private constructor(
    readonly app: NestExpressApplication,
    readonly issuer: AccessTokenIssuer,
    readonly db: Pool,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<InventoryTestApp> {
    const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.INVENTORY_TEST_LOG_LEVEL ?? 'error',
      HOST: '127.0.0.1',
      DB_HOST: testEnvironment.dbHost,
      DB_PORT: String(testEnvironment.dbPort),
      DB_NAME: testEnvironment.databaseName,
      DB_USER: 'galley_inventory',
      DB_PASSWORD: process.env.DB_PASSWORD_INVENTORY ?? 'galley_inventory_dev',
      DB_POOL_SIZE: '10',
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: '',
      JWT_PUBLIC_KEYS: JSON.stringify(issuer.jwks()),
      // Tests run the sweeper themselves.
      RESERVATION_SWEEP_INTERVAL_MS: '3600000',
      // The shared test schema must never receive the demo menu (demo.int-spec uses its own database).
      DEMO_CATALOG: 'false',
      IMAGE_STORAGE_DIR: process.env.INVENTORY_TEST_IMAGE_DIR ?? path.join(os.tmpdir(), 'galley-inventory-test-images'),
      ...overrides,
    };
    const module = InventoryModule.forRoot(loadServiceConfig('inventory', env), loadInventoryConfig(env));
    const app = await createHttpApp(module, { app: 'inventory', description: 'inventory under test' });
    await serveEvents(app);
    await app.listen(0, '127.0.0.1');
    return new InventoryTestApp(app, issuer, adminPool());
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  async token(role: 'admin' | 'customer', id: string = randomUUID()): Promise<string> {
    return (await this.issuer.issue({ id, email: `${role}-${id}@galley.test`, role })).accessToken;
  }

  async category(name = `Cat ${randomUUID().slice(0, 8)}`, parentId?: string): Promise<{ id: string; slug: string }> {
    const res = await this.http
      .post('/api/admin/categories')
      .set('Authorization', `Bearer ${await this.token('admin')}`)
      .send({ name, ...(parentId ? { parentId } : {}) });
    if (res.status !== 201) throw new Error(`category answered ${res.status}: ${JSON.stringify(res.body)}`);
    this.categoryIds.add(res.body.id);
    return res.body;
  }

  /** A product in a fresh category, with `stock` units on hand. */
  async product(stock = 0, extra: Record<string, unknown> = {}): Promise<{ id: string; categoryId: string }> {
    const categoryId = (extra.categoryId as string | undefined) ?? (await this.category()).id;
    const admin = await this.token('admin');
    const res = await this.http
      .post('/api/admin/products')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Test dish', description: 'For tests', categoryId, price: { amount: 900, currency: 'USD' }, ...extra });
    if (res.status !== 201) throw new Error(`product answered ${res.status}: ${JSON.stringify(res.body)}`);
    this.productIds.add(res.body.id);
    if (stock > 0) {
      await this.http.post(`/api/admin/inventory/${res.body.id}/adjustments`).set('Authorization', `Bearer ${admin}`).send({ delta: stock, reason: 'initial' }).expect(201);
    }
    return { id: res.body.id, categoryId };
  }

  /** Delivers an event to a consumer the way the service's consumer does: inbox and effect in one transaction. */
  async deliver<P extends object>(consumer: object, contract: EventContract<P>, payload: P, options: { eventId?: string; aggregateId?: string } = {}): Promise<boolean> {
    const envelope = testEnvelope(contract, payload, options);
    this.eventIds.add(envelope.id);
    return deliverThroughInbox(this.app.get(DataSource), 'inventory', eventHandlerOf(this.app, consumer, contract), envelope);
  }

  /** Outbox rows of one aggregate, oldest first. */
  async outbox(aggregateId: string, type?: string): Promise<{ event_type: string; envelope: EventEnvelope<Record<string, unknown>> }[]> {
    const { rows } = await this.db.query(`SELECT event_type, envelope FROM inventory.outbox WHERE message_key = $1 AND ($2::text IS NULL OR event_type = $2) ORDER BY seq`, [
      aggregateId,
      type ?? null,
    ]);
    return rows;
  }

  async level(productId: string): Promise<{ on_hand: number; reserved: number }> {
    const { rows } = await this.db.query(`SELECT on_hand, reserved FROM inventory.stock_levels WHERE product_id = $1`, [productId]);
    return rows[0];
  }

  async close(): Promise<void> {
    const products = [...this.productIds];
    const orders = [...this.orderIds];
    try {
      await this.app.close();
    } finally {
      await this.db.query(`DELETE FROM inventory.reservation_lines WHERE product_id = ANY($1::uuid[])`, [products]);
      await this.db.query(`DELETE FROM inventory.reservations WHERE order_id = ANY($1::uuid[])`, [orders]);
      await this.db.query(`DELETE FROM inventory.stock_movements WHERE product_id = ANY($1::uuid[])`, [products]);
      // The bytes of their pictures too (IMAGE_STORAGE=postgres), unless a product not made here uses the same picture.
      await this.db.query(
        `WITH gone AS (DELETE FROM inventory.product_images WHERE product_id = ANY($1::uuid[]) RETURNING thumb_key, large_key)
         DELETE FROM inventory.image_blobs b WHERE b.key IN (SELECT thumb_key FROM gone UNION SELECT large_key FROM gone)
           AND NOT EXISTS (SELECT 1 FROM inventory.product_images p WHERE (p.thumb_key = b.key OR p.large_key = b.key) AND p.product_id <> ALL($1::uuid[]))`,
        [products],
      );
      await this.db.query(`DELETE FROM inventory.stock_levels WHERE product_id = ANY($1::uuid[])`, [products]);
      await this.db.query(`DELETE FROM inventory.products WHERE id = ANY($1::uuid[])`, [products]);
      await this.db.query(`DELETE FROM inventory.categories WHERE parent_id = ANY($1::uuid[])`, [[...this.categoryIds]]);
      await this.db.query(`DELETE FROM inventory.categories WHERE id = ANY($1::uuid[])`, [[...this.categoryIds]]);
      await this.db.query(`DELETE FROM inventory.outbox WHERE message_key = ANY($1)`, [[...products, ...orders]]);
      await this.db.query(`DELETE FROM inventory.inbox WHERE event_id = ANY($1::uuid[])`, [[...this.eventIds]]);
      await this.db.end();
    }
  }
}
