import { randomUUID } from 'node:crypto';
import { EVENT_HEADERS, EventContract, EventEnvelope, validatePayload, withTopicPrefix } from '@galley/contracts';
import { assertIdentifier, SqlExecutor } from '../sql-executor';
import { childTraceparent, currentTraceContext, rootTraceContext, TraceContext } from '../trace-context';

export class InvalidEventError extends Error {
  constructor(readonly eventType: string, readonly problems: string[]) {
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
    const checked = validatePayload(contract, event.payload);
    if (!checked.ok) throw new InvalidEventError(contract.type, checked.problems);

    const envelope: EventEnvelope<P> = {
      id: randomUUID(),
      type: contract.type,
      version: contract.version,
      occurredAt: this.now().toISOString(),
      aggregateId: event.aggregateId,
      correlationId: trace.correlationId,
      causationId: trace.causationId,
      payload: event.payload,
    };
    const headers: Record<string, string> = {
      [EVENT_HEADERS.id]: envelope.id,
      [EVENT_HEADERS.type]: envelope.type,
      [EVENT_HEADERS.version]: String(envelope.version),
      [EVENT_HEADERS.correlationId]: envelope.correlationId,
      [EVENT_HEADERS.causationId]: envelope.causationId,
      [EVENT_HEADERS.traceparent]: childTraceparent(trace.traceparent),
    };
    const topic = withTopicPrefix(contract.topic, this.topicPrefix);
    await tx.query(
      `INSERT INTO "${this.schema}".outbox (id, topic, message_key, event_type, envelope, headers)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [envelope.id, topic, envelope.aggregateId, envelope.type, JSON.stringify(envelope), JSON.stringify(headers)],
    );
    return { envelope, topic };
  }
}
