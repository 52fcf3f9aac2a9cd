import { EventEnvelope } from '@galley/contracts';
import { fromPgClient, OutboxWriter } from '@galley/messaging';
import { MessagingFixture, ReceivedMessage, testItemRecordedV1, TestItemRecordedV1 } from '@galley/testing';

/** Appends `perKey` events for each key, interleaved, `perTransaction` events per commit. */
export async function appendEvents(fixture: MessagingFixture, keys: string[], perKey: number, perTransaction = 100): Promise<number> {
  const writer = new OutboxWriter({ schema: fixture.schema, topicPrefix: fixture.topicPrefix });
  const all: { key: string; seq: number }[] = [];
  for (let seq = 0; seq < perKey; seq += 1) for (const key of keys) all.push({ key, seq });
  for (let start = 0; start < all.length; start += perTransaction) {
    const client = await fixture.pool.connect();
    try {
      await client.query('BEGIN');
      for (const { key, seq } of all.slice(start, start + perTransaction)) {
        await writer.append(fromPgClient(client), testItemRecordedV1, { aggregateId: key, payload: { itemId: key, seq } });
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }
  return all.length;
}

export function envelopesOf(messages: ReceivedMessage[]): EventEnvelope<TestItemRecordedV1>[] {
  return messages.map((message) => JSON.parse(message.value) as EventEnvelope<TestItemRecordedV1>);
}

export function uniqueIds(messages: ReceivedMessage[]): number {
  return new Set(envelopesOf(messages).map((e) => e.id)).size;
}

/**
 * For each aggregate, the sequence numbers in the order they first arrived. With at-least-once
 * delivery a batch may arrive twice; what consumers act on is each event's first arrival.
 */
export function firstArrivalOrder(messages: ReceivedMessage[]): Map<string, number[]> {
  const seen = new Set<string>();
  const order = new Map<string, number[]>();
  for (const envelope of envelopesOf(messages)) {
    if (seen.has(envelope.id)) continue;
    seen.add(envelope.id);
    order.set(envelope.aggregateId, [...(order.get(envelope.aggregateId) ?? []), envelope.payload.seq]);
  }
  return order;
}

export const ascending = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
