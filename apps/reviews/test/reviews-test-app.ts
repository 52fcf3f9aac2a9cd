import { randomUUID } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccessTokenIssuer, generateSigningJwk, parseSigningKey } from '@galley/auth';
import { loadServiceConfig } from '@galley/config';
import { EventEnvelope, orderCompletedV1, OrderCompletedV1 } from '@galley/contracts';
import { createHttpApp, eventHandlerOf, serveEvents } from '@galley/platform';
import { adminPool, deliverThroughInbox, testEnvelope, testEnvironment } from '@galley/testing';
import { loadReviewsConfig } from '../src/config/reviews-config';
import { OrderCompletedConsumer } from '../src/consumers/order-completed.consumer';
import { ReviewsModule } from '../src/reviews.module';

/** The settings a test app runs with, for CLIs started beside it. */
export function reviewsTestEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.REVIEWS_TEST_LOG_LEVEL ?? 'error',
    HOST: '127.0.0.1',
    DB_HOST: testEnvironment.dbHost,
    DB_PORT: String(testEnvironment.dbPort),
    DB_NAME: testEnvironment.databaseName,
    DB_USER: 'galley_reviews',
    DB_PASSWORD: process.env.DB_PASSWORD_REVIEWS ?? 'galley_reviews_dev',
    DB_POOL_SIZE: '10',
    KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: '',
    // Fixed labels for fixed texts: stored models that another spec retrains are ignored.
    SENTIMENT_MODEL: 'bundled',
    ...overrides,
  };
}

/**
 * The reviews service in-process on a random port, against galley_test (migrated by `npm test`)
 * and the test broker, trusting access tokens the test signs. Everything about the products it
 * is told of (`productIds`) and the customers it makes buyers is deleted by `close()`.
 */
export class ReviewsTestApp {
  readonly productIds = new Set<string>();
  readonly customerIds = new Set<string>();
  readonly eventIds = new Set<string>();

  private constructor(
    readonly app: NestExpressApplication,
    readonly issuer: AccessTokenIssuer,
    readonly db: Pool,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<ReviewsTestApp> {
    const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const env = reviewsTestEnv({ JWT_PUBLIC_KEYS: JSON.stringify(issuer.jwks()), ...overrides });
    const module = ReviewsModule.forRoot(loadServiceConfig('reviews', env), loadReviewsConfig(env));
    const app = await createHttpApp(module, { app: 'reviews', description: 'reviews under test', bodyLimit: '1mb' });
    await serveEvents(app);
    await app.listen(0, '127.0.0.1');
    return new ReviewsTestApp(app, issuer, adminPool());
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  async token(role: 'admin' | 'customer', id: string = randomUUID()): Promise<string> {
    this.customerIds.add(id);
    return (await this.issuer.issue({ id, email: `${role}-${id}@galley.test`, role })).accessToken;
  }

  /** A fresh product id, cleaned up by close(). */
  product(): string {
    const id = randomUUID();
    this.productIds.add(id);
    return id;
  }

  /** Delivers order.completed the way the service's consumer does: inbox and effect in one transaction. */
  async complete(order: { customerId: string; productIds: string[]; orderId?: string }, eventId: string = randomUUID()): Promise<boolean> {
    const payload: OrderCompletedV1 = { orderId: order.orderId ?? randomUUID(), customerId: order.customerId, productIds: order.productIds };
    this.customerIds.add(order.customerId);
    order.productIds.forEach((id) => this.productIds.add(id));
    const envelope = testEnvelope(orderCompletedV1, payload, { eventId, aggregateId: payload.orderId });
    this.eventIds.add(envelope.id);
    return deliverThroughInbox(this.app.get(DataSource), 'reviews', eventHandlerOf(this.app, this.app.get(OrderCompletedConsumer), orderCompletedV1), envelope);
  }

  /** A customer who bought the product, with a token. */
  async buyer(productId: string): Promise<{ id: string; token: string }> {
    const id = randomUUID();
    await this.complete({ customerId: id, productIds: [productId] });
    return { id, token: await this.token('customer', id) };
  }

  /** A published (or held) review by a fresh buyer; answers the created review. */
  async review(productId: string, body: { rating: number; body: string; title?: string }): Promise<{ id: string; status: string; customerId: string; token: string }> {
    const author = await this.buyer(productId);
    const res = await this.http.post(`/api/products/${productId}/reviews`).set('Authorization', `Bearer ${author.token}`).send(body);
    if (res.status !== 201) throw new Error(`review answered ${res.status}: ${JSON.stringify(res.body)}`);
    return { ...res.body, token: author.token };
  }

  async rating(productId: string): Promise<{ average: number; count: number; distribution: Record<string, number> }> {
    return (await this.http.get(`/api/products/${productId}/rating`).expect(200)).body;
  }

  /** Outbox rows of one aggregate, oldest first. */
  async outbox(aggregateId: string, type?: string): Promise<{ event_type: string; envelope: EventEnvelope<Record<string, unknown>> }[]> {
    const { rows } = await this.db.query(`SELECT event_type, envelope FROM reviews.outbox WHERE message_key = $1 AND ($2::text IS NULL OR event_type = $2) ORDER BY seq`, [
      aggregateId,
      type ?? null,
    ]);
    return rows;
  }

  async close(): Promise<void> {
    const products = [...this.productIds];
    try {
      await this.app.close();
    } finally {
      await this.db.query(`DELETE FROM reviews.reviews WHERE product_id = ANY($1::uuid[])`, [products]);
      await this.db.query(`DELETE FROM reviews.rating_aggregates WHERE product_id = ANY($1::uuid[])`, [products]);
      await this.db.query(`DELETE FROM reviews.verified_purchases WHERE customer_id = ANY($1::uuid[])`, [[...this.customerIds]]);
      await this.db.query(`DELETE FROM reviews.outbox WHERE message_key = ANY($1)`, [products]);
      await this.db.query(`DELETE FROM reviews.inbox WHERE event_id = ANY($1::uuid[])`, [[...this.eventIds]]);
      await this.db.end();
    }
  }
}
