import { Consumer, Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { sessionRevokedV1, SessionRevokedV1, validatePayload, withTopicPrefix } from '@galley/contracts';
import { broadcastConsumerConfig } from './broadcast-consumer';

const RETRY_MS = 2000;

/**
 * `session.revoked` from the users topic, for ending live streams (see StreamSessions). Like the
 * order status feed, each gateway instance reads with a group of its own from the latest offset:
 * only revocations from now on matter to the streams open now.
 */
export class SessionRevocationFeed {
  private consumer?: Consumer;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly topicPrefix: string,
    private readonly onRevoked: (revocation: SessionRevokedV1) => void,
    private readonly logger: Logger,
  ) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    while (!this.stopped) {
      const consumer = this.kafka.consumer(broadcastConsumerConfig('sessions'));
      try {
        await consumer.connect();
        await consumer.subscribe({ topic: withTopicPrefix(sessionRevokedV1.topic, this.topicPrefix), fromBeginning: false });
        await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => this.read(message.value) });
        this.consumer = consumer;
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'session revocation feed could not connect; retrying');
        await consumer.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private read(value: Buffer | null): void {
    if (!value) return;
    try {
      const envelope = JSON.parse(value.toString()) as { type?: string; version?: number; payload?: unknown };
      if (envelope.type !== sessionRevokedV1.type || envelope.version !== sessionRevokedV1.version) return;
      if (!validatePayload(sessionRevokedV1, envelope.payload).ok) return;
      this.onRevoked(envelope.payload as SessionRevokedV1);
    } catch (error) {
      // The users topic's own consumers dead-letter bad messages; a stream that is not ended is logged.
      this.logger.warn({ err: error }, 'could not apply a session revocation to the open streams');
    }
  }
}
