import { Consumer, EachMessagePayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { contractKey, EVENT_HEADERS, EventEnvelope, validateEnvelope, validatePayload, withTopicPrefix } from '@galley/contracts';
import { recordInInbox } from '../inbox/inbox';
import { MessagingLogger, silentLogger } from '../logger';
import { messagingMetrics } from '../metrics';
import { TransactionRunner } from '../sql-executor';
import { childTraceparent, runWithTraceContext } from '../trace-context';
import { buildDeadLetter, headerText } from './dead-letter';
import { EventHandler } from './event-handler';
import { PermanentEventError, retryDelayMs } from './retry-policy';

export interface EventConsumerOptions {
  groupId: string;
  /** The schema whose inbox records what this group handled. */
  schema: string;
  handlers: readonly EventHandler[];
  runInTransaction: TransactionRunner;
  topicPrefix?: string;
  maxAttempts: number;
  retryBaseMs: number;
  logger?: MessagingLogger;
  /** Called with each message's outcome (tests and diagnostics). */
  onOutcome?: (outcome: MessageOutcome, eventId: string | undefined) => void;
}

export type MessageOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

class InvalidMessage extends Error {}

/**
 * Consumes the topics its handlers' contracts live on, one message at a time per partition.
 *
 * Each message ends in exactly one of: handled (effect + inbox row committed together), duplicate
 * (inbox already has it), ignored (a type this service does not handle), or dead-lettered (bad
 * JSON, a contract violation, a permanent error, or retries exhausted). Only then is the offset
 * committed, so a partition never stalls and nothing is acknowledged without an outcome.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, EventHandler>();
  private readonly logger: MessagingLogger;
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly dlqProducer: Producer,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    for (const handler of options.handlers) {
      this.handlers.set(contractKey(handler.contract.type, handler.contract.version), handler);
    }
  }

  get topics(): string[] {
    const topics = new Set(this.options.handlers.map((h) => withTopicPrefix(h.contract.topic, this.options.topicPrefix ?? '')));
    return [...topics].sort();
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    this.consumer = this.kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false });
    await this.consumer.connect();
    // A new group starts at the beginning so events published before its first start are not lost.
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      eachMessage: async (payload) => {
        await this.onMessage(payload);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /** Exposed for tests of the outcome rules; Kafka calls it through `start`. */
  async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<MessageOutcome> {
    let envelope: EventEnvelope;
    let handler: EventHandler | undefined;
    try {
      envelope = parseEnvelope(message);
      handler = this.handlers.get(contractKey(envelope.type, envelope.version));
      if (!handler) {
        this.count(envelope.type, 'ignored', envelope.id);
        return 'ignored';
      }
      const payload = validatePayload(handler.contract, envelope.payload);
      if (!payload.ok) throw new InvalidMessage(`contract violation: ${payload.problems.join('; ')}`);
    } catch (error) {
      if (!(error instanceof InvalidMessage)) throw error;
      await this.deadLetter(topic, partition, message, error.message, 0);
      this.count('unknown', 'dead-lettered');
      return 'dead-lettered';
    }

    const trace = {
      traceparent: childTraceparent(headerText(message.headers, EVENT_HEADERS.traceparent)),
      correlationId: envelope.correlationId,
      causationId: envelope.id,
    };
    return runWithTraceContext(trace, () => this.handleWithRetries(handler!, envelope, topic, partition, message, heartbeat));
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
        this.count(envelope.type, outcome, envelope.id);
        return outcome;
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        const permanent = error instanceof PermanentEventError;
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
