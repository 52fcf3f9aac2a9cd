import { randomUUID } from 'node:crypto';
import { EVENT_HEADERS, EventContract, EventEnvelope, validatePayload, withTopicPrefix } from '@galley/contracts';
import { assertIdentifier, rowsOf, SqlExecutor } from '../sql-executor';
import { currentTraceContext, rootTraceContext, TraceContext } from '../trace-context';
import { linkTo, SpanKind, startSpan } from '../tracing';

export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`${eventType} does not match its contract: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

export interface OutboxWriterOptions {
  schema: string;
  topicPrefix?: string;
  now?: () => Date;
}

export interface AppendedEvent<P extends object> {
  envelope: EventEnvelope<P>;
  topic: string;
}

/**
 * Records an event in the service's outbox inside the caller's transaction, so the state change
 * and the fact that it happened commit together; the relay publishes it afterwards.
 */
export class OutboxWriter {
  private readonly schema: string;
  private readonly topicPrefix: string;
  private readonly now: () => Date;

  constructor(options: OutboxWriterOptions) {
    this.schema = assertIdentifier(options.schema);
    this.topicPrefix = options.topicPrefix ?? '';
    this.now = options.now ?? (() => new Date());
  }

  async append<P extends object>(
    tx: SqlExecutor,
    contract: EventContract<P>,
    event: { aggregateId: string; payload: P },
    trace: TraceContext = currentTraceContext() ?? rootTraceContext(),
  ): Promise<AppendedEvent<P>> {
    const [appended] = await this.appendAll(tx, contract, [event], trace);
    return appended;
  }

  /** Several events of one type in one statement (e.g. one per order line). */
  async appendAll<P extends object>(
    tx: SqlExecutor,
    contract: EventContract<P>,
    events: readonly { aggregateId: string; payload: P }[],
    trace: TraceContext = currentTraceContext() ?? rootTraceContext(),
  ): Promise<AppendedEvent<P>[]> {
    if (events.length === 0) return [];
    const topic = withTopicPrefix(contract.topic, this.topicPrefix);
    const occurredAt = this.now().toISOString();
    const resumed = trace.resumesAggregateTrace
      ? await this.lastTraceparents(
          tx,
          events.map((event) => event.aggregateId),
        )
      : new Map<string, string>();
    const rows = events.map((event) => {
      const checked = validatePayload(contract, event.payload);
      if (!checked.ok) throw new InvalidEventError(contract.type, checked.problems);
      const envelope: EventEnvelope<P> = {
        id: randomUUID(),
        type: contract.type,
        version: contract.version,
        occurredAt,
        aggregateId: event.aggregateId,
        correlationId: trace.correlationId,
        causationId: trace.causationId,
        payload: event.payload,
      };
      // The producer span stands for the event: each consumer's span continues from it.
      const aggregateTrace = resumed.get(event.aggregateId);
      const parent = aggregateTrace ?? trace.traceparent;
      const links = aggregateTrace ? linkTo(trace.traceparent) : undefined;
      const produced = startSpan(
        `publish ${contract.type}`,
        SpanKind.PRODUCER,
        parent,
        {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'create',
          'messaging.destination.name': topic,
          'messaging.message.id': envelope.id,
          'galley.event.type': contract.type,
          'galley.aggregate.id': event.aggregateId,
        },
        links,
      );
      produced.span.end();
      const headers: Record<string, string> = {
        [EVENT_HEADERS.id]: envelope.id,
        [EVENT_HEADERS.type]: envelope.type,
        [EVENT_HEADERS.version]: String(envelope.version),
        [EVENT_HEADERS.correlationId]: envelope.correlationId,
        [EVENT_HEADERS.causationId]: envelope.causationId,
        [EVENT_HEADERS.traceparent]: produced.traceparent,
      };
      return { envelope, headers };
    });
    // WITH ORDINALITY keeps the given order in `seq`, which is the publish order per aggregate.
    await tx.query(
      `INSERT INTO "${this.schema}".outbox (id, topic, message_key, event_type, envelope, headers)
       SELECT id, $1, message_key, $2, envelope, headers
         FROM unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY
              AS rows(id, message_key, envelope, headers, position)
        ORDER BY position`,
      [
        topic,
        contract.type,
        rows.map((row) => row.envelope.id),
        rows.map((row) => row.envelope.aggregateId),
        rows.map((row) => JSON.stringify(row.envelope)),
        rows.map((row) => JSON.stringify(row.headers)),
      ],
    );
    return rows.map((row) => ({ envelope: row.envelope, topic }));
  }

  /**
   * The trace each aggregate's latest event in this outbox belongs to. Newest first along the seq
   * index, so a recent aggregate is found after a few rows.
   */
  private async lastTraceparents(tx: SqlExecutor, aggregateIds: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of new Set(aggregateIds)) {
      const rows = rowsOf<{ traceparent: string | null }>(
        await tx.query(`SELECT headers->>'traceparent' AS traceparent FROM "${this.schema}".outbox WHERE message_key = $1 ORDER BY seq DESC LIMIT 1`, [id]),
      );
      if (rows[0]?.traceparent) found.set(id, rows[0].traceparent);
    }
    return found;
  }
}
