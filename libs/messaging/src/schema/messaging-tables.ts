import { assertIdentifier } from '../sql-executor';

/**
 * The outbox and inbox tables every service keeps in its own schema. This SQL is version 1 and
 * is frozen: a change to these tables is a new function and a new migration in each service.
 */
export function messagingTablesV1Up(schemaName: string): string[] {
  const schema = assertIdentifier(schemaName);
  return [
    `CREATE TABLE "${schema}".outbox (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      event_type text NOT NULL,
      envelope jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`,
    // Only pending rows are scanned by the relay; published ones are kept for a while for audit.
    `CREATE INDEX outbox_pending_idx ON "${schema}".outbox (seq) WHERE published_at IS NULL`,
    `CREATE INDEX outbox_published_at_idx ON "${schema}".outbox (published_at) WHERE published_at IS NOT NULL`,
    `CREATE FUNCTION "${schema}".outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${schema}_outbox', '');
        RETURN NULL;
      END $$`,
    // One notification per committing statement wakes the relay; Postgres folds duplicates.
    `CREATE TRIGGER outbox_notify AFTER INSERT ON "${schema}".outbox
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".outbox_notify()`,
    `CREATE TABLE "${schema}".inbox (
      event_id uuid NOT NULL,
      consumer_group text NOT NULL,
      event_type text NOT NULL,
      topic text NOT NULL,
      kafka_partition integer NOT NULL,
      kafka_offset bigint NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, consumer_group)
    )`,
  ];
}

export function messagingTablesV1Down(schemaName: string): string[] {
  const schema = assertIdentifier(schemaName);
  return [`DROP TABLE "${schema}".inbox`, `DROP TRIGGER outbox_notify ON "${schema}".outbox`, `DROP FUNCTION "${schema}".outbox_notify()`, `DROP TABLE "${schema}".outbox`];
}

export function outboxChannel(schemaName: string): string {
  return `${assertIdentifier(schemaName)}_outbox`;
}
