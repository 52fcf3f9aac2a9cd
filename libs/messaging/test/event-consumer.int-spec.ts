import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { deadLetterTopicOf, EventEnvelope } from '@galley/contracts';
import {
  createIdempotentProducer,
  DLQ_HEADERS,
  EventConsumer,
  headerText,
  listDeadLetters,
  MessageOutcome,
  pgTransactionRunner,
  replayDeadLetters,
  TransactionRunner,
} from '@galley/messaging';
import { collectMessages, EffectsHandler, MessagingFixture, TestItemRecordedV1, testEnvironment, waitFor, WorkerProcess } from '@galley/testing';

function envelope(key: string, payload: Partial<Record<keyof TestItemRecordedV1, unknown>>): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'test_item.recorded',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: key,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload: { itemId: key, seq: 0, ...payload },
  };
}

describe(EventConsumer.name, () => {
  let fixture: MessagingFixture;
  let kafka: Kafka;
  let producer: Producer;
  const stops: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    fixture = await new MessagingFixture('consumer').setUp();
    kafka = new Kafka({ clientId: 'consumer-test', brokers: testEnvironment.kafkaBrokers, logLevel: logLevel.NOTHING });
    producer = createIdempotentProducer(kafka);
    await producer.connect();
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await producer.disconnect();
    await fixture.dispose();
  });

  const runInTransaction: TransactionRunner = (work) => pgTransactionRunner(fixture.pool)(work);

  async function startConsumer(handler: EffectsHandler, outcomes: [MessageOutcome, string | undefined][] = []) {
    const sut = new EventConsumer(kafka, producer, {
      groupId: `test-group-${fixture.schema}`,
      schema: fixture.schema,
      handlers: [handler],
      topicPrefix: fixture.topicPrefix,
      maxAttempts: 3,
      retryBaseMs: 50,
      runInTransaction,
      onOutcome: (outcome, id) => outcomes.push([outcome, id]),
    });
    await sut.start();
    stops.push(() => sut.stop());
    return sut;
  }

  const send = (key: string, value: string) => producer.send({ topic: fixture.topic, messages: [{ key, value }] });
  const effectsFor = async (eventId: string) => (await fixture.effects()).filter((e) => e.event_id === eventId);

  it('applies an event delivered twice exactly once', async () => {
    const outcomes: [MessageOutcome, string | undefined][] = [];
    await startConsumer(new EffectsHandler(fixture.schema), outcomes);
    const twice = envelope('k1', { seq: 1 });
    const sentinel = envelope('k1', { seq: 2 });

    await send('k1', JSON.stringify(twice));
    await send('k1', JSON.stringify(twice));
    await send('k1', JSON.stringify(sentinel));
    await waitFor(async () => (await effectsFor(sentinel.id)).length === 1, { what: 'the sentinel effect' });

    expect(await effectsFor(twice.id)).toHaveLength(1);
    expect(outcomes.filter(([, id]) => id === twice.id).map(([o]) => o)).toEqual(['handled', 'duplicate']);
  });

  it('has one effect when the consumer is killed after its effect but before the offset commit', async () => {
    const args = {
      schema: fixture.schema,
      brokers: testEnvironment.kafkaBrokers,
      groupId: `test-crash-${fixture.schema}`,
      topicPrefix: fixture.topicPrefix,
    };
    const doomed = new WorkerProcess('consumer-worker', { ...args, holdAfterEffectMs: 30_000 });
    stops.push(() => doomed.kill());
    await doomed.waitForLine(/^ready$/);
    const event = envelope('k2', { seq: 1 });
    await send('k2', JSON.stringify(event));
    await doomed.waitForLine(new RegExp(`^effect ${event.id}$`));
    await doomed.kill('SIGKILL');
    expect(await effectsFor(event.id)).toHaveLength(1);

    const successor = new WorkerProcess('consumer-worker', { ...args, holdAfterEffectMs: 0 });
    stops.push(() => successor.kill());
    // The uncommitted message comes back to the group and the inbox turns it into a no-op.
    await successor.waitForLine(new RegExp(`^outcome duplicate ${event.id}$`), 60_000);
    expect(await effectsFor(event.id)).toHaveLength(1);
  });

  it('dead-letters a poison message, a contract violation and an always-failing event, keeps consuming, and replays a fixed one', async () => {
    const handler = new EffectsHandler(fixture.schema);
    await startConsumer(handler);
    const failing = envelope('k3', { seq: 1, poison: true });
    const violating = envelope('k3', { seq: 'two' });
    const good = Array.from({ length: 5 }, (_, i) => envelope('k3', { seq: 10 + i }));

    await send('k3', '{not json');
    await producer.send({
      topic: fixture.topic,
      messages: [
        { key: 'k3', value: JSON.stringify(failing), headers: { 'event-type': failing.type, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } },
        { key: 'k3', value: JSON.stringify(violating) },
        ...good.map((e) => ({ key: 'k3', value: JSON.stringify(e) })),
      ],
    });

    // The partition moved past all three: every good event behind them took effect.
    await waitFor(async () => (await fixture.effects()).length === good.length, { what: 'the good events' });
    const letters = await collectMessages(kafka, deadLetterTopicOf(fixture.topic), (m) => m.length >= 3);
    expect(letters).toHaveLength(3);
    const reasons = letters.map((l) => headerText(l.headers, DLQ_HEADERS.reason));
    expect(reasons[0]).toMatch(/not valid JSON/);
    expect(reasons[1]).toMatch(/cannot handle item k3/);
    expect(reasons[2]).toMatch(/contract violation: payload\.seq/);
    expect(letters.map((l) => headerText(l.headers, DLQ_HEADERS.attempts))).toEqual(['0', '3', '0']);
    // The original headers travel with the dead letter.
    expect(headerText(letters[1].headers, 'traceparent')).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    expect(handler.calls).toBeGreaterThanOrEqual(3 + good.length);

    const listed = await listDeadLetters(kafka, fixture.topic);
    expect(listed.map((l) => l.eventId)).toEqual([undefined, failing.id, violating.id]);
    expect(listed[1]).toMatchObject({ attempts: 3, consumerGroup: `test-group-${fixture.schema}`, originalTopic: fixture.topic });

    handler.poisonCured = true;
    const replayed = await replayDeadLetters(kafka, fixture.topic, failing.id);
    expect(replayed).toHaveLength(1);
    await waitFor(async () => (await effectsFor(failing.id)).length === 1, { what: 'the replayed event to take effect' });
  });

  it('handles a burst in batched transactions, isolating one failing event without losing order or effects', async () => {
    const handler = new EffectsHandler(fixture.schema);
    await startConsumer(handler);
    const events = Array.from({ length: 300 }, (_, i) => envelope('burst', { seq: i, poison: i === 150 }));

    await producer.send({ topic: fixture.topic, messages: events.map((e) => ({ key: 'burst', value: JSON.stringify(e) })) });

    await waitFor(async () => (await fixture.effects()).length === 299, { what: 'every good event of the burst' });
    const applied = (await fixture.effects()).map((e) => e.seq);
    expect(applied).toEqual(events.map((e) => e.payload.seq).filter((seq) => seq !== 150));
    const letters = await collectMessages(kafka, deadLetterTopicOf(fixture.topic), (m) => m.length >= 1);
    expect(letters.map((l) => JSON.parse(l.value).id)).toEqual([events[150].id]);
    // Far fewer handler calls than a retry per message would need: the batches did the work.
    expect(handler.calls).toBeLessThan(300 * 2);
  });
});
