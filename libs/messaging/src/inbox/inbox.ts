import { EventEnvelope } from '@galley/contracts';
import { assertIdentifier, rowsOf, SqlExecutor } from '../sql-executor';

export interface InboxEntry {
  envelope: EventEnvelope;
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Records that a consumer group handled an event, inside the handler's own transaction.
 * Returns false when it was already recorded: the caller then skips the effect, so a redelivered
 * event changes nothing.
 */
export async function recordInInbox(tx: SqlExecutor, schemaName: string, entry: InboxEntry): Promise<boolean> {
  const schema = assertIdentifier(schemaName);
  const result = await tx.query(
    `INSERT INTO "${schema}".inbox (event_id, consumer_group, event_type, topic, kafka_partition, kafka_offset)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (event_id, consumer_group) DO NOTHING
     RETURNING event_id`,
    [entry.envelope.id, entry.consumerGroup, entry.envelope.type, entry.topic, entry.partition, entry.offset],
  );
  return rowsOf(result).length === 1;
}

/**
 * The batch form of `recordInInbox`: one statement for many events. Returns the ids recorded
 * now; an id already present (or repeated within the batch) is recorded once.
 */
export async function recordAllInInbox(tx: SqlExecutor, schemaName: string, entries: readonly InboxEntry[]): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const schema = assertIdentifier(schemaName);
  const result = await tx.query(
    `INSERT INTO "${schema}".inbox (event_id, consumer_group, event_type, topic, kafka_partition, kafka_offset)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[])
     ON CONFLICT (event_id, consumer_group) DO NOTHING
     RETURNING event_id`,
    [
      entries.map((e) => e.envelope.id),
      entries.map((e) => e.consumerGroup),
      entries.map((e) => e.envelope.type),
      entries.map((e) => e.topic),
      entries.map((e) => e.partition),
      entries.map((e) => e.offset),
    ],
  );
  return new Set(rowsOf<{ event_id: string }>(result).map((row) => row.event_id));
}
