import { randomUUID } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccessTokenIssuer, generateSigningJwk, parseSigningKey } from '@galley/auth';
import { loadServiceConfig } from '@galley/config';
import { EventContract, EventEnvelope, Money, paymentSucceededV1, productCreatedV1, ProductCreatedV1, stockReservedV1 } from '@galley/contracts';
import { createHttpApp, eventHandlerOf, serveEvents } from '@galley/platform';
import { adminPool, createServiceTopics, deliverThroughInbox, testEnvelope, testEnvironment, uniqueSuffix } from '@galley/testing';
import { loadOrdersConfig } from '../src/config/orders-config';
import { PaymentSucceededConsumer } from '../src/consumers/payment-succeeded.consumer';
import { ProductCreatedConsumer } from '../src/consumers/product-created.consumer';
import { StockReservedConsumer } from '../src/consumers/stock-reserved.consumer';
import { OrdersModule } from '../src/orders.module';

/**
 * The orders service in-process on a random port, against galley_test (migrated by `npm test`) and the test broker,
 * trusting access tokens the test signs. Products and orders it creates are tracked and deleted by `close()`.
 */
export class OrdersTestApp {
  readonly productIds = new Set<string>();
  readonly customerIds = new Set<string>();
  private readonly eventIds = new Set<string>();

  private constructor(
    readonly app: NestExpressApplication,
    readonly issuer: AccessTokenIssuer,
    readonly db: Pool,
    /** Topic prefix of this app: its events never reach other tests' consumers. */
    readonly topicPrefix: string,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<OrdersTestApp> {
    const topicPrefix = overrides.KAFKA_TOPIC_PREFIX ?? `t${uniqueSuffix()}.`;
    await createServiceTopics(topicPrefix, { partitions: 3 });
    const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.ORDERS_TEST_LOG_LEVEL ?? 'error',
      HOST: '127.0.0.1',
      DB_HOST: testEnvironment.dbHost,
      DB_PORT: String(testEnvironment.dbPort),
      DB_NAME: testEnvironment.databaseName,
      DB_USER: 'galley_orders',
      DB_PASSWORD: process.env.DB_PASSWORD_ORDERS ?? 'galley_orders_dev',
      DB_POOL_SIZE: '10',
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      CONSUMER_RETRY_BASE_MS: '50',
      JWT_PUBLIC_KEYS: JSON.stringify(issuer.jwks()),
      ...overrides,
    };
    const module = OrdersModule.forRoot(loadServiceConfig('orders', env), loadOrdersConfig(env));
    const app = await createHttpApp(module, { app: 'orders', description: 'orders under test' });
    await serveEvents(app);
    await app.listen(0, '127.0.0.1');
    return new OrdersTestApp(app, issuer, adminPool({ database: env.DB_NAME }), topicPrefix);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  async token(role: 'admin' | 'customer', id: string = randomUUID()): Promise<string> {
    if (role === 'customer') this.customerIds.add(id);
    return (await this.issuer.issue({ id, email: `${role}-${id}@galley.test`, role })).accessToken;
  }

  /** A product in the read-model, as if inventory had announced it. */
  async product(price = 1000, modifierGroups: ProductCreatedV1['modifierGroups'] = []): Promise<string> {
    const productId = randomUUID();
    this.productIds.add(productId);
    await this.deliver(this.app.get(ProductCreatedConsumer), productCreatedV1, {
      productId,
      name: `Dish ${productId.slice(0, 6)}`,
      categoryId: randomUUID(),
      price: { amount: price, currency: 'USD' },
      modifierGroups,
    });
    return productId;
  }

  /** Takes an order to CONFIRMED as the saga would: its stock reserved by inventory, then `amount` paid. */
  async confirmPaid(orderId: string, amount: Money): Promise<void> {
    await this.deliver(this.app.get(StockReservedConsumer), stockReservedV1, {
      orderId,
      reservationId: randomUUID(),
      lines: [],
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
    });
    await this.deliver(this.app.get(PaymentSucceededConsumer), paymentSucceededV1, {
      paymentId: randomUUID(),
      orderId,
      paymentIntentId: `pi_${orderId.slice(0, 8)}`,
      amount,
    });
  }

  /** Delivers an event to a consumer the way the service's consumer does: inbox and effect in one transaction. */
  async deliver<P extends object>(
    consumer: object,
    contract: EventContract<P>,
    payload: P,
    options: { eventId?: string; aggregateId?: string; occurredAt?: Date } = {},
  ): Promise<boolean> {
    const envelope = testEnvelope(contract, payload, options);
    this.eventIds.add(envelope.id);
    return deliverThroughInbox(this.app.get(DataSource), 'orders', eventHandlerOf(this.app, consumer, contract), envelope);
  }

  /** Outbox rows of one order, oldest first. */
  async outbox(orderId: string, type?: string): Promise<{ event_type: string; envelope: EventEnvelope<Record<string, unknown>> }[]> {
    const { rows } = await this.db.query(`SELECT event_type, envelope FROM orders.outbox WHERE message_key = $1 AND ($2::text IS NULL OR event_type = $2) ORDER BY seq`, [
      orderId,
      type ?? null,
    ]);
    return rows;
  }

  async close(): Promise<void> {
    try {
      await this.app.close();
    } finally {
      const { rows } = await this.db.query(`SELECT id FROM orders.orders WHERE customer_id = ANY($1::uuid[])`, [[...this.customerIds]]);
      const orderIds = rows.map((row: { id: string }) => row.id);
      await this.db.query(`DELETE FROM orders.orders WHERE id = ANY($1::uuid[])`, [orderIds]);
      await this.db.query(`DELETE FROM orders.idempotency_keys WHERE customer_id = ANY($1::uuid[])`, [[...this.customerIds]]);
      await this.db.query(`DELETE FROM orders.catalog_products WHERE id = ANY($1::uuid[])`, [[...this.productIds]]);
      await this.db.query(`DELETE FROM orders.outbox WHERE message_key = ANY($1)`, [[...orderIds, ...this.productIds]]);
      await this.db.query(`DELETE FROM orders.inbox WHERE event_id = ANY($1::uuid[])`, [[...this.eventIds]]);
      await this.db.end();
    }
  }
}
