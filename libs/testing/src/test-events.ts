import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopicOf, EVENT_HEADERS, EventContract, EventEnvelope, TOPICS, withTopicPrefix } from '@galley/contracts';
import { createKafkaClient, ensureTopics, EventHandler, recordInInbox } from '@galley/messaging';
import { testEnvironment } from './test-environment';

export interface TestEventOptions {
  eventId?: string;
  aggregateId?: string;
  occurredAt?: Date;
}

/** An envelope as a producing service would write it, for tests that play that service. */
export function testEnvelope<P extends object>(contract: EventContract<P>, payload: P, options: TestEventOptions = {}): EventEnvelope<P> {
  return {
    id: options.eventId ?? randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    aggregateId: options.aggregateId ?? randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload,
  };
}

/**
 * Delivers an event to one consumer the way a service's EventConsumer does, without Kafka: the inbox record and
 * the handler's effect in one transaction. False when the inbox already had the event (a redelivery).
 */
export async function deliverThroughInbox<P extends object>(dataSource: DataSource, schema: string, handler: EventHandler<P>, envelope: EventEnvelope<P>): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const fresh = await recordInInbox(manager, schema, {
      envelope: envelope as unknown as EventEnvelope,
      consumerGroup: `galley-${schema}-test`,
      topic: handler.contract.topic,
      partition: 0,
      offset: '0',
    });
    if (fresh) await handler.handle(envelope.payload, envelope, manager);
    return fresh;
  });
}

/** Publishes an envelope on its contract's (prefixed) topic, keyed by its aggregate, with the event headers. */
export async function publishEnvelope<P extends object>(producer: Producer, contract: EventContract<P>, envelope: EventEnvelope<P>, topicPrefix = ''): Promise<void> {
  await producer.send({
    topic: withTopicPrefix(contract.topic, topicPrefix),
    messages: [
      {
        key: envelope.aggregateId,
        value: JSON.stringify(envelope),
        headers: { [EVENT_HEADERS.id]: envelope.id, [EVENT_HEADERS.type]: envelope.type, [EVENT_HEADERS.version]: String(envelope.version) },
      },
    ],
  });
}

/**
 * Creates every service topic and its dead-letter topic under `topicPrefix` on `brokers` (the test broker by
 * default), so a test's events never reach another test's consumers.
 */
export async function createServiceTopics(topicPrefix: string, options: { brokers?: string[]; partitions?: number } = {}): Promise<void> {
  const admin = createKafkaClient({ clientId: 'galley-test-topics', brokers: options.brokers ?? testEnvironment.kafkaBrokers }).admin();
  await admin.connect();
  try {
    await ensureTopics(
      admin,
      Object.values(TOPICS).flatMap((topic) => [
        { topic: withTopicPrefix(topic, topicPrefix), numPartitions: options.partitions ?? 6 },
        { topic: deadLetterTopicOf(withTopicPrefix(topic, topicPrefix)), numPartitions: 1 },
      ]),
    );
  } finally {
    await admin.disconnect();
  }
}
