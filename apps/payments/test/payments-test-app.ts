import { randomUUID } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Consumer, Kafka, Producer } from 'kafkajs';
import { Pool } from 'pg';
import request from 'supertest';
import { AccessTokenIssuer, generateSigningJwk, parseSigningKey } from '@galley/auth';
import { loadServiceConfig } from '@galley/config';
import { deadLetterTopicOf, EVENT_HEADERS, EventContract, EventEnvelope, orderAwaitingPaymentV1, orderPlacedV1, TOPICS, withTopicPrefix } from '@galley/contracts';
import { createKafkaClient, ensureTopics, fromPgClient } from '@galley/messaging';
import { createHttpApp, serveEvents } from '@galley/platform';
import { adminPool, StandInEvent, StripeStandIn, testEnvironment, uniqueSuffix, waitFor } from '@galley/testing';
import { loadPaymentsConfig, webhookSecretOf } from '../src/config/payments-config';
import { Discrepancy } from '../src/domain/reconciliation';
import { PaymentsModule } from '../src/payments.module';
import { reconcilePayments } from '../src/services/reconciliation';

export type PaymentsEvent = EventEnvelope<Record<string, unknown>>;

/**
 * The payments service in-process on a random port, against galley_test and the test broker on
 * topics of its own (a fresh prefix), trusting access tokens the test signs. Order events are
 * published to the real `orders.events` topic of that prefix; everything payments publishes is
 * read back from `payments.events` by a reader started with the app. `close()` deletes the
 * rows of every order the test used.
 */
export class PaymentsTestApp {
  readonly orderIds = new Set<string>();
  readonly received: PaymentsEvent[] = [];
  readonly webhookEventIds = new Set<string>();

  private constructor(
    readonly app: NestExpressApplication,
    readonly issuer: AccessTokenIssuer,
    readonly db: Pool,
    readonly prefix: string,
    readonly webhookSecret: string,
    private readonly producer: Producer,
    private readonly reader: Consumer,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<PaymentsTestApp> {
    const prefix = overrides.KAFKA_TOPIC_PREFIX ?? `t${uniqueSuffix()}.`;
    const kafka: Kafka = createKafkaClient({ clientId: 'payments-test', brokers: testEnvironment.kafkaBrokers });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(
      admin,
      [TOPICS.orders, TOPICS.payments].flatMap((topic) => [
        { topic: withTopicPrefix(topic, prefix), numPartitions: 3 },
        { topic: deadLetterTopicOf(withTopicPrefix(topic, prefix)), numPartitions: 1 },
      ]),
    );
    await admin.disconnect();

    const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.PAYMENTS_TEST_LOG_LEVEL ?? 'error',
      HOST: '127.0.0.1',
      DB_HOST: testEnvironment.dbHost,
      DB_PORT: String(testEnvironment.dbPort),
      DB_NAME: testEnvironment.databaseName,
      DB_USER: 'galley_payments',
      DB_PASSWORD: process.env.DB_PASSWORD_PAYMENTS ?? 'galley_payments_dev',
      DB_POOL_SIZE: '10',
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      JWT_PUBLIC_KEYS: JSON.stringify(issuer.jwks()),
      CONSUMER_RETRY_BASE_MS: '50',
      OUTBOX_POLL_INTERVAL_MS: '200',
      ...overrides,
      KAFKA_TOPIC_PREFIX: prefix,
    };
    const payments = loadPaymentsConfig(env);
    const module = PaymentsModule.forRoot(loadServiceConfig('payments', env), payments);
    const app = await createHttpApp(module, { app: 'payments', description: 'payments under test' });
    await serveEvents(app);
    await app.listen(0, '127.0.0.1');

    const producer = kafka.producer();
    await producer.connect();
    const reader = kafka.consumer({ groupId: `payments-test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({ topic: withTopicPrefix(TOPICS.payments, prefix), fromBeginning: true });
    const sut = new PaymentsTestApp(app, issuer, adminPool(), prefix, webhookSecretOf(payments), producer, reader);
    await reader.run({
      eachMessage: async ({ message }) => {
        sut.received.push(JSON.parse(message.value?.toString() ?? '{}') as PaymentsEvent);
      },
    });
    return sut;
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  get webhookUrl(): string {
    const address = this.app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}/api/webhooks/stripe`;
  }

  /** Signs and POSTs a provider event to this app's webhook endpoint (see StripeStandIn.deliver). */
  deliver(stripe: StripeStandIn, event: StandInEvent, options: { signature?: string | null; body?: string; timestamp?: number } = {}): Promise<{ status: number; body: unknown }> {
    this.webhookEventIds.add(event.id);
    return stripe.deliver(event, this.webhookUrl, this.webhookSecret, options);
  }

  async token(role: 'admin' | 'customer', id: string = randomUUID()): Promise<string> {
    return (await this.issuer.issue({ id, email: `${role}-${id}@galley.test`, role })).accessToken;
  }

  /** Publishes an order event on `orders.events` (keyed by order id); returns its event id. */
  async publish<P extends { orderId: string }>(contract: EventContract<P>, payload: P, eventId: string = randomUUID()): Promise<string> {
    this.orderIds.add(payload.orderId);
    const envelope: EventEnvelope<P> = {
      id: eventId,
      type: contract.type,
      version: contract.version,
      occurredAt: new Date().toISOString(),
      aggregateId: payload.orderId,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      payload,
    };
    await this.producer.send({
      topic: withTopicPrefix(contract.topic, this.prefix),
      messages: [
        {
          key: payload.orderId,
          value: JSON.stringify(envelope),
          headers: { [EVENT_HEADERS.id]: eventId, [EVENT_HEADERS.type]: envelope.type, [EVENT_HEADERS.version]: String(envelope.version) },
        },
      ],
    });
    return eventId;
  }

  /** order.placed then order.awaiting_payment for a new order of `amount`; resolves once its intent exists. */
  async orderAwaitingPayment(amount = 2450, customerId: string = randomUUID()): Promise<{ orderId: string; customerId: string; paymentId: string; intentId: string }> {
    const orderId = randomUUID();
    const total = { amount, currency: 'USD' };
    await this.publish(orderPlacedV1, {
      orderId,
      customerId,
      lines: [{ productId: randomUUID(), quantity: 1, unitPrice: total }],
      total,
      fulfillmentType: 'pickup',
    });
    await this.publish(orderAwaitingPaymentV1, { orderId, customerId, reservationId: randomUUID(), total, reservationExpiresAt: new Date(Date.now() + 900_000).toISOString() });
    const [created] = await this.events(orderId, 'payment.intent_created', 1);
    return { orderId, customerId, paymentId: String(created.payload.paymentId), intentId: String(created.payload.paymentIntentId) };
  }

  /** Waits until at least `count` events of `type` for the order arrived on payments.events. */
  async events(orderId: string, type: string, count = 1, timeoutMs = 30_000): Promise<PaymentsEvent[]> {
    return waitFor(
      async () => {
        const found = this.eventsOf(orderId, type);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, intervalMs: 50, what: `${count} ${type} for order ${orderId}` },
    );
  }

  /** What arrived so far (for asserting that nothing more came). */
  eventsOf(orderId: string, type?: string): PaymentsEvent[] {
    return this.received.filter((event) => event.aggregateId === orderId && (type === undefined || event.type === type));
  }

  /** Waits for the outbox of these orders to be published, so "nothing more arrived" means something. */
  async settled(orderIds: readonly string[]): Promise<void> {
    const { rows } = await this.db.query(`SELECT id FROM payments.outbox WHERE message_key = ANY($1)`, [orderIds]);
    const ids = new Set(rows.map((row: { id: string }) => row.id));
    await waitFor(async () => [...ids].every((id) => this.received.some((event) => event.id === id)), { what: 'the outbox to be published', intervalMs: 50 });
  }

  async reconcile(orderIds: readonly string[] = [...this.orderIds]): Promise<Discrepancy[]> {
    return reconcilePayments(fromPgClient(this.db), { orderIds });
  }

  /** Sum of every ledger transaction of these orders, per transaction (all should be 0). */
  async unbalancedLedgerTransactions(orderIds: readonly string[] = [...this.orderIds]): Promise<number> {
    const { rows } = await this.db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT e.transaction_id FROM payments.ledger_entries e JOIN payments.payments p ON p.id = e.payment_id
          WHERE p.order_id = ANY($1::uuid[]) GROUP BY e.transaction_id HAVING sum(e.amount) <> 0) t`,
      [orderIds],
    );
    return rows[0].n;
  }

  async payment(orderId: string): Promise<{ status: string; captured_amount: string } | undefined> {
    const { rows } = await this.db.query(`SELECT status, captured_amount FROM payments.payments WHERE order_id = $1`, [orderId]);
    return rows[0];
  }

  async close(): Promise<void> {
    const orders = [...this.orderIds];
    try {
      await this.reader.disconnect().catch(() => undefined);
      await this.producer.disconnect().catch(() => undefined);
      await this.app.close();
    } finally {
      const client = await this.db.connect();
      try {
        // The ledger is append-only (a trigger refuses deletes); the superuser skips triggers to clean up.
        await client.query(`SET session_replication_role = replica`);
        const payments = `SELECT id FROM payments.payments WHERE order_id = ANY($1::uuid[])`;
        await client.query(`DELETE FROM payments.ledger_entries WHERE payment_id IN (${payments})`, [orders]);
        await client.query(`DELETE FROM payments.refunds WHERE payment_id IN (${payments})`, [orders]);
        await client.query(`DELETE FROM payments.disputes WHERE payment_id IN (${payments})`, [orders]);
        await client.query(`DELETE FROM payments.payments WHERE order_id = ANY($1::uuid[])`, [orders]);
        await client.query(`DELETE FROM payments.orders WHERE order_id = ANY($1::uuid[])`, [orders]);
        await client.query(`DELETE FROM payments.outbox WHERE message_key = ANY($1)`, [orders]);
        await client.query(`DELETE FROM payments.webhook_events WHERE event_id = ANY($1)`, [[...this.webhookEventIds]]);
        await client.query(`DELETE FROM payments.inbox WHERE topic = $1`, [withTopicPrefix(TOPICS.orders, this.prefix)]);
      } finally {
        client.release();
      }
      await this.db.end();
    }
  }
}
