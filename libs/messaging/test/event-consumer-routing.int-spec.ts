import { randomUUID } from 'node:crypto';
import { Admin, Kafka, logLevel, Producer } from 'kafkajs';
import { EventEnvelope } from '@galley/contracts';
import { createIdempotentProducer, EventConsumer, listDeadLetters, MessageOutcome, pgTransactionRunner, TransactionRunner } from '@galley/messaging';
import { EffectsHandler, MessagingFixture, testEnvelope, testEnvironment, TestItemRecordedV1, testItemRecordedV1, waitFor } from '@galley/testing';

/** A test event of aggregate `key`, built by libs/testing's envelope helper. */
function envelope(key: string, seq: number): EventEnvelope<TestItemRecordedV1> {
  return testEnvelope(testItemRecordedV1, { itemId: key, seq }, { aggregateId: key });
}

/** What the consumer's cheap paths must keep: an outcome for every message, and every offset committed in the end. */
describe(`${EventConsumer.name}: header routing and offset commits`, () => {
  let fixture: MessagingFixture;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  const stops: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    fixture = await new MessagingFixture('routing').setUp(1);
    kafka = new Kafka({ clientId: 'routing-test', brokers: testEnvironment.kafkaBrokers, logLevel: logLevel.NOTHING });
    producer = createIdempotentProducer(kafka);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await Promise.all([producer.disconnect(), admin.disconnect()]);
    await fixture.dispose();
  });

  async function startConsumer(options: { commitIntervalMs?: number; transactions?: { count: number }; outcomes?: [MessageOutcome, string | undefined][] }) {
    const runner = pgTransactionRunner(fixture.pool);
    const runInTransaction: TransactionRunner = (work) => {
      if (options.transactions) options.transactions.count += 1;
      return runner(work);
    };
    const sut = new EventConsumer(kafka, producer, {
      groupId: `test-routing-${fixture.schema}`,
      schema: fixture.schema,
      handlers: [new EffectsHandler(fixture.schema)],
      topicPrefix: fixture.topicPrefix,
      maxAttempts: 3,
      retryBaseMs: 50,
      commitIntervalMs: options.commitIntervalMs,
      runInTransaction,
      onOutcome: (outcome, id) => options.outcomes?.push([outcome, id]),
    });
    await sut.start();
    stops.push(() => sut.stop());
    return sut;
  }

  /** The group's committed offset on the fixture's one partition (-1: none yet). */
  async function committed(): Promise<number> {
    const [topic] = await admin.fetchOffsets({ groupId: `test-routing-${fixture.schema}`, topics: [fixture.topic] });
    return Number(topic.partitions[0].offset);
  }

  it('ignores a message of a type it does not handle from its event-type header alone: no parse, no dead letter, no transaction', async () => {
    const transactions = { count: 0 };
    const outcomes: [MessageOutcome, string | undefined][] = [];
    await startConsumer({ transactions, outcomes });
    const others = Array.from({ length: 5 }, () => randomUUID());
    // Not even JSON: a group that routed by parsing would dead-letter these.
    await producer.send({
      topic: fixture.topic,
      messages: others.map((id) => ({ key: 'k', value: '{not json', headers: { 'event-type': 'other_item.recorded', 'event-id': id } })),
    });
    const good = envelope('k', 1);
    await producer.send({ topic: fixture.topic, messages: [{ key: 'k', value: JSON.stringify(good), headers: { 'event-type': good.type } }] });

    await waitFor(async () => (await fixture.effects()).some((e) => e.event_id === good.id), { what: 'the handled event' });
    expect(outcomes).toEqual([...others.map((id) => ['ignored', id]), ['handled', good.id]]);
    // The ignored run opened no transaction; the handled event one.
    expect(transactions.count).toBe(1);
    expect(await listDeadLetters(kafka, fixture.topic)).toEqual([]);
  });

  it('commits the last offsets within the commit interval once batches stop coming', async () => {
    await startConsumer({ commitIntervalMs: 300 });
    const events = [envelope('k', 1), envelope('k', 2), envelope('k', 3)];
    for (const event of events) await producer.send({ topic: fixture.topic, messages: [{ key: 'k', value: JSON.stringify(event) }] });

    await waitFor(async () => (await fixture.effects()).length === 3, { what: 'the three effects' });
    await waitFor(async () => (await committed()) === 3, { what: 'offset 3 committed', timeoutMs: 5000 });
  });

  it('holds offsets back for the interval, then commits them when it stops', async () => {
    const sut = await startConsumer({ commitIntervalMs: 60_000 });
    const events = [envelope('k', 1), envelope('k', 2)];
    for (const event of events) await producer.send({ topic: fixture.topic, messages: [{ key: 'k', value: JSON.stringify(event) }] });
    await waitFor(async () => (await fixture.effects()).length === 2, { what: 'the two effects' });
    // One OffsetCommit per interval, not one per batch: nothing was committed yet.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await committed()).toBe(-1);

    await sut.stop();
    expect(await committed()).toBe(2);
  });
});
