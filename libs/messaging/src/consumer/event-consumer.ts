import { Consumer, EachBatchPayload, EachMessagePayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { contractKey, EVENT_HEADERS, EventEnvelope, validateEnvelope, validatePayload, withTopicPrefix } from '@galley/contracts';
import { recordAllInInbox, recordInInbox } from '../inbox/inbox';
import { MessagingLogger, silentLogger } from '../logger';
import { messagingMetrics } from '../metrics';
import { TransactionRunner } from '../sql-executor';
import { orderIdOf, runWithTraceContext } from '../trace-context';
import { endSpan, SpanKind, startSpan } from '../tracing';
import { buildDeadLetter, headerText } from './dead-letter';
import { EventHandler } from './event-handler';
import { isPermanentEventFailure, retryDelayMs } from './retry-policy';

export interface EventConsumerOptions {
  groupId: string;
  /** The schema whose inbox records what this group handled. */
  schema: string;
  handlers: readonly EventHandler[];
  runInTransaction: TransactionRunner;
  topicPrefix?: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** Messages handled in one transaction on the fast path (1 turns batching off). */
  batchSize?: number;
  /** How soon the group notices a member that died (kafkajs default 30 s). */
  sessionTimeoutMs?: number;
  /** Partitions processed in parallel; order within a partition is always kept. */
  partitionsConcurrently?: number;
  /**
   * How long a resolved offset may wait for its commit (0: commit after every batch, as kafkajs's autoCommit does).
   * One OffsetCommit per interval instead of one per partition batch; a message whose offset was not committed yet
   * when the member dies or loses the partition comes again, and the inbox makes it a duplicate.
   */
  commitIntervalMs?: number;
  /** How long an idle fetch waits at the broker (see DEFAULT_MAX_WAIT_MS). */
  maxWaitMs?: number;
  logger?: MessagingLogger;
  /** Called with each message's outcome (tests and diagnostics). */
  onOutcome?: (outcome: MessageOutcome, eventId: string | undefined) => void;
}

export type MessageOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

class InvalidMessage extends Error {}

type Prepared =
  | { kind: 'event'; message: KafkaMessage; envelope: EventEnvelope; handler: EventHandler }
  | { kind: 'ignored'; message: KafkaMessage; type: string; eventId?: string }
  | { kind: 'invalid'; message: KafkaMessage; reason: string };

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_COMMIT_INTERVAL_MS = 1000;
/**
 * How long an idle fetch waits at the broker for a message (kafkajs default 5 s). A fetch is answered as soon as a
 * message arrives, so this costs no latency; it bounds how long stop() waits for the fetch in flight, which at 5 s
 * added that much to every SIGTERM of an idle service (and to every test app's close).
 */
const DEFAULT_MAX_WAIT_MS = 1000;

/**
 * Consumes the topics its handlers' contracts live on, one message at a time per partition.
 *
 * Each message ends in exactly one of: handled (effect + inbox row committed together), duplicate
 * (inbox already has it), ignored (a type this service does not handle), or dead-lettered (bad
 * JSON, a contract violation, a permanent error, or retries exhausted). Only then is the offset
 * committed, so a partition never stalls and nothing is acknowledged without an outcome.
 *
 * A message whose `event-type` header (set by the outbox from the envelope) names a type none of
 * the handlers takes is ignored from the header alone: no JSON parse, no envelope validation, no
 * transaction. Most of what a group reads is such (reviews reads every order event for
 * order.completed). A message without the header is parsed and routed by its envelope.
 *
 * Offsets are committed at most once per `commitIntervalMs` (and that long after the last batch
 * at the latest, and at once when the consumer stops), not after every batch: the broker's
 * OffsetCommit rate was a third of its requests per order.
 *
 * Fast path: a run of valid messages from one partition is handled in one transaction (one
 * commit for up to `batchSize` events and their inbox rows). If anything in it fails, the
 * transaction rolls back and the run is replayed message by message with retries, so one bad
 * event is isolated and dead-lettered without holding back the others.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, EventHandler>();
  /** Event types some handler takes, whatever the version: the header routing's test. */
  private readonly handledTypes = new Set<string>();
  private readonly logger: MessagingLogger;
  private consumer?: Consumer;
  private stopping = false;
  /** Commits what batches resolved and nothing committed yet (the latest batch's view of the group). */
  private commitPending?: () => Promise<void>;
  private commitTimer?: NodeJS.Timeout;

  constructor(
    private readonly kafka: Kafka,
    private readonly dlqProducer: Producer,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    for (const handler of options.handlers) {
      this.handlers.set(contractKey(handler.contract.type, handler.contract.version), handler);
      this.handledTypes.add(handler.contract.type);
    }
  }

  get topics(): string[] {
    const topics = new Set(this.options.handlers.map((h) => withTopicPrefix(h.contract.topic, this.options.topicPrefix ?? '')));
    return [...topics].sort();
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    this.stopping = false;
    this.consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3000, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 3)),
      maxWaitTimeInMs: this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    });
    await this.consumer.connect();
    // A new group starts at the beginning so events published before its first start are not lost.
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      // Committed by this class (commitResolved): after each batch only once the interval has passed.
      autoCommit: false,
      autoCommitInterval: this.commitIntervalMs,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async stop(): Promise<void> {
    // From now on a batch commits as it ends (kafkajs lets the running batch finish before it leaves the group).
    this.stopping = true;
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    await this.commitPending?.().catch((error: unknown) => this.logger.warn({ err: error }, 'could not commit offsets before stopping'));
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private get commitIntervalMs(): number {
    return Math.max(0, this.options.commitIntervalMs ?? DEFAULT_COMMIT_INTERVAL_MS);
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    try {
      await this.handleBatch(payload);
    } finally {
      await this.commitResolved(payload);
    }
  }

  /**
   * Commits the resolved offsets if the interval has passed since the last commit (or at once when the interval is 0
   * or the consumer is stopping), and otherwise makes sure a commit follows within the interval.
   */
  private async commitResolved({ commitOffsetsIfNecessary, uncommittedOffsets }: EachBatchPayload): Promise<void> {
    const commitAll = async () => {
      const offsets = uncommittedOffsets();
      if (offsets.topics.length > 0) await commitOffsetsIfNecessary(offsets);
    };
    try {
      if (this.stopping || this.commitIntervalMs === 0) return await commitAll();
      this.commitPending = commitAll;
      await commitOffsetsIfNecessary();
      this.commitTimer ??= setTimeout(() => {
        this.commitTimer = undefined;
        const pending = this.commitPending;
        this.commitPending = undefined;
        pending?.().catch((error: unknown) => this.logger.debug({ err: error }, 'offset commit failed; the next batch or timer commits them'));
      }, this.commitIntervalMs);
    } catch (error) {
      // A rebalance in progress, or the broker away: the offsets stay resolved and the next commit carries them
      // (a member that loses its partitions meanwhile leaves them to be consumed again, and deduplicated).
      this.logger.debug({ err: error }, 'offset commit failed; the next batch or timer commits them');
    }
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const size = Math.max(1, this.options.batchSize ?? DEFAULT_BATCH_SIZE);
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + size);
      const prepared = chunk.map((message) => this.prepare(message));
      const handledTogether = chunk.length > 1 && prepared.every((p) => p.kind !== 'invalid') && (await this.handleTogether(batch.topic, batch.partition, prepared));
      if (!handledTogether) {
        for (const message of chunk) {
          if (!isRunning() || isStale()) return;
          await this.onMessage({ topic: batch.topic, partition: batch.partition, message, heartbeat, pause: () => () => undefined });
          resolveOffset(message.offset);
        }
      }
      resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
  }

  /** One transaction for a run of valid messages; false (and nothing committed) if any fails. */
  private async handleTogether(topic: string, partition: number, prepared: Prepared[]): Promise<boolean> {
    const events = prepared.filter((p): p is Extract<Prepared, { kind: 'event' }> => p.kind === 'event');
    let outcomes: [EventEnvelope, MessageOutcome][] = [];
    // A run of only ignored messages needs no transaction (it would commit nothing).
    if (events.length > 0) {
      try {
        outcomes = await this.options.runInTransaction(async (tx) => {
          const fresh = await recordAllInInbox(
            tx,
            this.options.schema,
            events.map(({ message, envelope }) => ({ envelope, consumerGroup: this.options.groupId, topic, partition, offset: message.offset })),
          );
          const results: [EventEnvelope, MessageOutcome][] = [];
          for (const { message, envelope, handler } of events) {
            const firstTime = fresh.delete(envelope.id);
            if (firstTime) await this.traced(message, envelope, () => handler.handle(envelope.payload, envelope, tx));
            results.push([envelope, firstTime ? 'handled' : 'duplicate']);
          }
          return results;
        });
      } catch (error) {
        this.logger.debug({ err: error, topic, partition, size: prepared.length }, 'batch failed; handling its messages one by one');
        return false;
      }
    }
    for (const p of prepared) if (p.kind === 'ignored') this.count(p.type, 'ignored', p.eventId);
    for (const [envelope, outcome] of outcomes) {
      if (outcome === 'handled') this.observeStep(envelope);
      this.count(envelope.type, outcome, envelope.id);
    }
    return true;
  }

  private prepare(message: KafkaMessage): Prepared {
    const headerType = headerText(message.headers, EVENT_HEADERS.type);
    if (headerType !== undefined && !this.handledTypes.has(headerType)) {
      return { kind: 'ignored', message, type: headerType, eventId: headerText(message.headers, EVENT_HEADERS.id) };
    }
    try {
      const envelope = parseEnvelope(message);
      const handler = this.handlers.get(contractKey(envelope.type, envelope.version));
      if (!handler) return { kind: 'ignored', message, type: envelope.type, eventId: envelope.id };
      const payload = validatePayload(handler.contract, envelope.payload);
      if (!payload.ok) return { kind: 'invalid', message, reason: `contract violation: ${payload.problems.join('; ')}` };
      return { kind: 'event', message, envelope, handler };
    } catch (error) {
      if (error instanceof InvalidMessage) return { kind: 'invalid', message, reason: error.message };
      throw error;
    }
  }

  /**
   * Runs a handler inside a consumer span that continues the producer's trace (the message's
   * traceparent header), with the span as the trace context of its logs and of the events it emits.
   */
  private async traced<T>(message: KafkaMessage, envelope: EventEnvelope, work: () => Promise<T>): Promise<T> {
    const { span, traceparent } = startSpan(`process ${envelope.type}`, SpanKind.CONSUMER, headerText(message.headers, EVENT_HEADERS.traceparent), {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.consumer.group.name': this.options.groupId,
      'messaging.message.id': envelope.id,
      'galley.event.type': envelope.type,
      'galley.aggregate.id': envelope.aggregateId,
    });
    const context = { traceparent, correlationId: envelope.correlationId, causationId: envelope.id, orderId: orderIdOf(envelope) };
    try {
      const result = await runWithTraceContext(context, work);
      span.setAttribute('galley.outcome', typeof result === 'string' ? result : 'handled');
      endSpan(span);
      return result;
    } catch (error) {
      endSpan(span, error);
      throw error;
    }
  }

  /** One message with retries; the slow path, and what tests of the outcome rules call. */
  async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<MessageOutcome> {
    const prepared = this.prepare(message);
    if (prepared.kind === 'invalid') {
      await this.deadLetter(topic, partition, message, prepared.reason, 0);
      this.count('unknown', 'dead-lettered');
      return 'dead-lettered';
    }
    if (prepared.kind === 'ignored') {
      this.count(prepared.type, 'ignored', prepared.eventId);
      return 'ignored';
    }
    const { envelope, handler } = prepared;
    return this.traced(message, envelope, () => this.handleWithRetries(handler, envelope, topic, partition, message, heartbeat));
  }

  private async handleWithRetries(
    handler: EventHandler,
    envelope: EventEnvelope,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<MessageOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const firstTime = await this.options.runInTransaction(async (tx) => {
          const recorded = await recordInInbox(tx, this.options.schema, {
            envelope,
            consumerGroup: this.options.groupId,
            topic,
            partition,
            offset: message.offset,
          });
          if (recorded) await handler.handle(envelope.payload, envelope, tx);
          return recorded;
        });
        const outcome = firstTime ? 'handled' : 'duplicate';
        if (firstTime) this.observeStep(envelope);
        this.count(envelope.type, outcome, envelope.id);
        return outcome;
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        const permanent = isPermanentEventFailure(error);
        if (permanent || attempt >= this.options.maxAttempts) {
          this.logger.error({ err: error, eventId: envelope.id, type: envelope.type, attempt }, 'event handler failed; dead-lettering');
          await this.deadLetter(topic, partition, message, reason, attempt);
          this.count(envelope.type, 'dead-lettered', envelope.id);
          return 'dead-lettered';
        }
        const delay = retryDelayMs(attempt, this.options.retryBaseMs);
        this.logger.warn({ err: error, eventId: envelope.id, type: envelope.type, attempt, delayMs: delay }, 'event handler failed; retrying');
        await sleepWithHeartbeat(delay, heartbeat);
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string, attempts: number): Promise<void> {
    const letter = buildDeadLetter({
      topic,
      partition,
      message,
      reason,
      attempts,
      consumerGroup: this.options.groupId,
      failedAt: new Date(),
    });
    // If this send fails the error propagates, the offset is not committed and the message comes back.
    await this.dlqProducer.send({ topic: letter.topic, acks: -1, messages: [letter.message] });
    messagingMetrics.deadLettered.inc({ group: this.options.groupId, topic });
    this.logger.warn({ topic, partition, offset: message.offset, reason, attempts }, 'message dead-lettered');
  }

  private observeStep(envelope: EventEnvelope): void {
    const seconds = (Date.now() - Date.parse(envelope.occurredAt)) / 1000;
    if (Number.isFinite(seconds)) messagingMetrics.sagaStepDuration.observe({ group: this.options.groupId, type: envelope.type }, Math.max(0, seconds));
  }

  private count(type: string, outcome: MessageOutcome, eventId?: string): void {
    messagingMetrics.eventsConsumed.inc({ group: this.options.groupId, type, outcome });
    this.options.onOutcome?.(outcome, eventId);
  }
}

function parseEnvelope(message: KafkaMessage): EventEnvelope {
  let candidate: unknown;
  try {
    candidate = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    throw new InvalidMessage('value is not valid JSON');
  }
  const checked = validateEnvelope(candidate);
  if (!checked.ok) throw new InvalidMessage(`invalid envelope: ${checked.problems.join('; ')}`);
  return checked.value;
}

async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, deadline - Date.now())));
    await heartbeat().catch(() => undefined);
  }
}
