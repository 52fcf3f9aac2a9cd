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
