import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf } from '@galley/contracts';
import { DLQ_HEADERS, headerText } from './consumer/dead-letter';

export interface DeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  eventId?: string;
  eventType?: string;
  reason?: string;
  attempts?: number;
  consumerGroup?: string;
  failedAt?: string;
  originalTopic?: string;
  value: string;
  headers: IHeaders;
}

/** Reads every dead letter of `<topic>.dlq` currently stored, oldest first per partition. */
export async function listDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  const dlqTopic = deadLetterTopicOf(topic);
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(dlqTopic).finally(() => admin.disconnect());
  const remaining = new Map(
    offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high) - 1n]),
  );
  const letters: DeadLetter[] = [];
  if (remaining.size === 0) return letters;

  // A throwaway group: reading dead letters must not move any real consumer's offsets.
  const consumer = kafka.consumer({ groupId: `galley-dlq-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            letters.push(toDeadLetter(partition, message));
            const last = remaining.get(partition);
            if (last !== undefined && BigInt(message.offset) >= last) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/**
 * Publishes dead letters back to the topic they failed on (all, or those of one event id).
 * Consumers that already handled an event skip it through their inbox, so a replay is safe.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string, eventId?: string): Promise<DeadLetter[]> {
  const letters = (await listDeadLetters(kafka, topic)).filter((letter) => !eventId || letter.eventId === eventId);
  await republish(kafka, topic, letters);
  return letters;
}

/** A dead letter with the topic it failed on (the `.dlq` topic's name without the suffix). */
export interface GroupDeadLetter extends DeadLetter {
  topic: string;
}

/**
 * The dead letters one consumer group left on the `.dlq` topics of the topics it reads, oldest first per topic and
 * partition: what a service's admin endpoint lists. Other groups' letters on the same topics are theirs to show.
 */
export async function listGroupDeadLetters(kafka: Kafka, topics: readonly string[], consumerGroup: string): Promise<GroupDeadLetter[]> {
  const all = await Promise.all([...new Set(topics)].sort().map(async (topic) => (await listDeadLetters(kafka, topic)).map((letter) => ({ ...letter, topic }))));
  return all.flat().filter((letter) => letter.consumerGroup === consumerGroup);
}

/**
 * Publishes one group's dead letters (all, or those of one event id) back to the topics they failed on. Every
 * group reading the topic sees them again; those that handled the event already skip it through their inbox.
 */
export async function replayGroupDeadLetters(kafka: Kafka, topics: readonly string[], consumerGroup: string, eventId?: string): Promise<GroupDeadLetter[]> {
  const letters = (await listGroupDeadLetters(kafka, topics, consumerGroup)).filter((letter) => !eventId || letter.eventId === eventId);
  for (const topic of new Set(letters.map((letter) => letter.topic))) {
    await republish(
      kafka,
      topic,
      letters.filter((letter) => letter.topic === topic),
    );
  }
  return letters;
}

async function republish(kafka: Kafka, topic: string, letters: readonly DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: letters.map((letter) => ({
        key: letter.key,
        value: letter.value,
        headers: { ...withoutDeadLetterHeaders(letter.headers), 'dlq-replayed-at': new Date().toISOString() },
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

function toDeadLetter(partition: number, message: KafkaMessage): DeadLetter {
  const headers = message.headers ?? {};
  const value = message.value?.toString('utf8') ?? '';
  let eventId = headerText(headers, 'event-id');
  let eventType = headerText(headers, 'event-type');
  if (!eventId) {
    try {
      const parsed = JSON.parse(value) as { id?: unknown; type?: unknown };
      eventId = typeof parsed.id === 'string' ? parsed.id : undefined;
      eventType = typeof parsed.type === 'string' ? parsed.type : eventType;
    } catch {
      // Not JSON: that is usually why it is here.
    }
  }
  const attempts = headerText(headers, DLQ_HEADERS.attempts);
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    eventId,
    eventType,
    reason: headerText(headers, DLQ_HEADERS.reason),
    attempts: attempts === undefined ? undefined : Number(attempts),
    consumerGroup: headerText(headers, DLQ_HEADERS.consumerGroup),
    failedAt: headerText(headers, DLQ_HEADERS.failedAt),
    originalTopic: headerText(headers, DLQ_HEADERS.originalTopic),
    value,
    headers,
  };
}

function withoutDeadLetterHeaders(headers: IHeaders): IHeaders {
  const dlqNames = new Set<string>(Object.values(DLQ_HEADERS));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dlqNames.has(name) && name !== 'dlq-replayed-at'));
}
