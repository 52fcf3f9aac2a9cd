import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { createIdempotentProducer, OutboxRelay } from '@galley/messaging';
import { adminPoolConfig, collectMessages, MessagingFixture, testEnvironment, waitFor, WorkerProcess } from '@galley/testing';
import { appendEvents, ascending, envelopesOf, firstArrivalOrder, uniqueIds } from './outbox-helpers';

describe(OutboxRelay.name, () => {
  let fixture: MessagingFixture;
  const workers: WorkerProcess[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    fixture = await new MessagingFixture('relay').setUp();
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.kill()));
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await fixture.dispose();
  });

  async function startInProcessRelay(options: { batchSize: number; pollIntervalMs: number }): Promise<OutboxRelay> {
    const kafka = new Kafka({ clientId: 'relay-test', brokers: testEnvironment.kafkaBrokers, logLevel: logLevel.NOTHING });
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    const pool = new Pool(adminPoolConfig({ max: 2 }));
    const relay = new OutboxRelay(pool, producer, { schema: fixture.schema, ...options });
    await relay.start();
    cleanups.push(async () => {
      await relay.stop();
      await producer.disconnect();
      await pool.end();
    });
    return relay;
  }

  it('publishes every event, in order per aggregate, when the relay is SIGKILLed between publish and mark', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `order-${i}`);
    const total = await appendEvents(fixture, keys, 50);

    const doomed = new WorkerProcess('relay-worker', {
      schema: fixture.schema,
      brokers: testEnvironment.kafkaBrokers,
      batchSize: 100,
      pauseAfterSendMs: 5000,
    });
    workers.push(doomed);
    await doomed.waitForLine(/^sent 100$/);
    await doomed.kill('SIGKILL');
    // Kafka has the first batch but the rows were never marked: nothing is lost, all still pending.
    expect(await fixture.pendingOutboxRows()).toBe(total);

    const successor = new WorkerProcess('relay-worker', {
      schema: fixture.schema,
      brokers: testEnvironment.kafkaBrokers,
      batchSize: 100,
      pauseAfterSendMs: 0,
    });
    workers.push(successor);
    await waitFor(async () => (await fixture.pendingOutboxRows()) === 0, { what: 'the outbox to drain' });

    const received = await collectMessages(fixture.kafka, fixture.topic, (messages) => uniqueIds(messages) === total && messages.length >= total + 100);
    expect(uniqueIds(received)).toBe(total);
    // The killed batch went out twice: at-least-once, which consumers absorb through their inbox.
    expect(received.length).toBe(total + 100);
    for (const key of keys) expect(firstArrivalOrder(received).get(key)).toEqual(ascending(50));
  });

  it('publishes each event exactly once and keeps per-aggregate order when two relays share the outbox', async () => {
    const first = await startInProcessRelay({ batchSize: 25, pollIntervalMs: 100 });
    const second = await startInProcessRelay({ batchSize: 25, pollIntervalMs: 100 });
    const keys = Array.from({ length: 30 }, (_, i) => `cart-${i}`);
    // Written while both relays run, in many small transactions, so they compete for batches.
    const total = await appendEvents(fixture, keys, 40, 20);

    await waitFor(async () => (await fixture.pendingOutboxRows()) === 0, { what: 'the outbox to drain' });
    const received = await collectMessages(fixture.kafka, fixture.topic, (messages) => messages.length >= total);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(received).toHaveLength(total);
    expect(uniqueIds(received)).toBe(total);
    expect(first.publishedCount + second.publishedCount).toBe(total);
    expect(first.publishedCount).toBeGreaterThan(0);
    expect(second.publishedCount).toBeGreaterThan(0);
    for (const key of keys) {
      const arrived = envelopesOf(received)
        .filter((e) => e.aggregateId === key)
        .map((e) => e.payload.seq);
      expect(arrived).toEqual(ascending(40));
    }
  });

  it('wakes on NOTIFY instead of waiting for its poll interval', async () => {
    await startInProcessRelay({ batchSize: 100, pollIntervalMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await appendEvents(fixture, ['solo'], 1);
    await waitFor(async () => (await fixture.pendingOutboxRows()) === 0, { timeoutMs: 10_000, intervalMs: 20, what: 'the relay to publish' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports lag as the pending count and the age of the oldest pending row', async () => {
    const kafka = new Kafka({ clientId: 'lag-test', brokers: testEnvironment.kafkaBrokers, logLevel: logLevel.NOTHING });
    const pool = new Pool(adminPoolConfig({ max: 1 }));
    const sut = new OutboxRelay(pool, createIdempotentProducer(kafka), { schema: fixture.schema, batchSize: 10, pollIntervalMs: 1000 });
    cleanups.push(() => pool.end());
    await appendEvents(fixture, ['a', 'b'], 3);
    await fixture.pool.query(`UPDATE "${fixture.schema}".outbox SET created_at = now() - interval '90 seconds'`);

    const lag = await sut.lag();

    expect(lag.pending).toBe(6);
    expect(lag.oldestPendingAgeMs).toBeGreaterThanOrEqual(90_000);
  });
});
