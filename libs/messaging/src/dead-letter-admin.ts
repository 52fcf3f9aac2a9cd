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
  const remaining = new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high) - 1n]));
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

/** What a replay did: the letters published back, and how many others are still waiting for one. */
export interface GroupReplay {
  replayed: GroupDeadLetter[];
  remaining: number;
}

/** Marks a message published back by a replay; a replayed event that fails again carries it in its new dead letter. */
export const REPLAYED_AT_HEADER = 'dlq-replayed-at';

/**
 * Publishes one group's dead letters back to the topics they failed on: those of one event id, or else at most
 * `limit` of the oldest ones never replayed (an event whose replay failed again, and so carries the replay mark in
 * a later dead letter, is left for an explicit replay by id: replaying everything again would only double the
 * queue). Every group reading the topic sees them again; those that handled the event skip it through their inbox.
 */
export async function replayGroupDeadLetters(kafka: Kafka, topics: readonly string[], consumerGroup: string, eventId?: string, limit = 100): Promise<GroupReplay> {
  const all = await listGroupDeadLetters(kafka, topics, consumerGroup);
  const replayedEvents = new Set(all.filter((letter) => headerText(letter.headers, REPLAYED_AT_HEADER) !== undefined).map((letter) => letter.eventId));
  const candidates = eventId
    ? all.filter((letter) => letter.eventId === eventId)
    : all.filter((letter) => headerText(letter.headers, REPLAYED_AT_HEADER) === undefined && !(letter.eventId && replayedEvents.has(letter.eventId)));
  const letters = candidates.slice(0, limit);
  for (const topic of new Set(letters.map((letter) => letter.topic))) {
    await republish(
      kafka,
      topic,
      letters.filter((letter) => letter.topic === topic),
    );
  }
  return { replayed: letters, remaining: candidates.length - letters.length };
}

const REPUBLISH_BATCH = 100;

async function republish(kafka: Kafka, topic: string, letters: readonly DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    // In batches: one request for thousands of letters would pass the broker's request size limit.
    for (let start = 0; start < letters.length; start += REPUBLISH_BATCH) {
      await producer.send({
        topic,
        acks: -1,
        messages: letters.slice(start, start + REPUBLISH_BATCH).map((letter) => ({
          key: letter.key,
          value: letter.value,
          headers: { ...withoutDeadLetterHeaders(letter.headers), [REPLAYED_AT_HEADER]: new Date().toISOString() },
        })),
      });
    }
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
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dlqNames.has(name) && name !== REPLAYED_AT_HEADER));
}
