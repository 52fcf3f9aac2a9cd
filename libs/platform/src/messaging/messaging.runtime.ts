import { setTimeout as sleep } from 'node:timers/promises';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Admin, Kafka, Producer } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { kafkaConnectionOptions, postgresConnectionOptions, ServiceConfig, ServiceName, databaseRoleFor } from '@galley/config';
import {
  anyBrokerAccepts,
  consumerGroupLag,
  createIdempotentProducer,
  createKafkaClient,
  EventConsumer,
  EventHandler,
  GroupDeadLetter,
  GroupReplay,
  listGroupDeadLetters,
  OutboxLag,
  OutboxRelay,
  replayGroupDeadLetters,
  SqlExecutor,
  TopicLag,
} from '@galley/messaging';
import { contractKey, EventContract, withTopicPrefix } from '@galley/contracts';
import { SERVICE_CONFIG, SERVICE_NAME } from '../tokens';
import { handledContractsOf } from './handles-event.decorator';

/**
 * Owns a service's Kafka side: the idempotent producer, the outbox relay and the consumer group running the
 * handlers Galley's event transport serves (`@HandlesEvent` methods, see GalleyEventTransport). Starts after the
 * app is wired, in the background, and stops on shutdown before the database closes.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly relayPool: Pool;
  private readonly relay: OutboxRelay;
  private consumer?: EventConsumer;
  /** What the event transport serves; until it calls serve(), the service publishes but consumes nothing. */
  private handlers: readonly EventHandler[] = [];
  private served = false;
  private messagingStarted = false;
  private brokerCache?: { at: number; brokers: number };
  private starting?: Promise<void>;
  private stopping = false;
  /**
   * True while nothing has started yet: connecting the producer and admin, or waiting between attempts. With the
   * broker down, one connect can take kafkajs's whole retry budget (about 40 s), longer than a SIGTERM's grace, and
   * there is nothing to drain, so shutdown does not wait for it.
   */
  private connecting = false;
  private readonly stopRequested = new AbortController();

  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MessagingRuntime.name);
    this.kafka = createKafkaClient({ clientId: `galley-${service}`, ...kafkaConnectionOptions(config), logger: this.logger });
    this.producer = createIdempotentProducer(this.kafka);
    this.admin = this.kafka.admin();
    // The relay's LISTEN client copies these options (TLS included) from the pool.
    this.relayPool = new Pool({
      ...postgresConnectionOptions(config),
      max: 2,
      application_name: `galley-${service}-relay`,
    });
    // An idle client whose server went away (a Postgres restart) is dropped by the pool; unheard, the error would crash the process.
    this.relayPool.on('error', (error) => this.logger.warn({ err: error }, 'outbox relay pool lost a connection'));
    this.relay = new OutboxRelay(this.relayPool, this.producer, {
      schema: service,
      batchSize: config.OUTBOX_BATCH_SIZE,
      pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      logger: this.logger,
    });
  }

  /**
   * Connects in the background: a service whose broker is down still starts, answers
   * /health/live and reports itself not ready until Kafka is reachable.
   */
  onApplicationBootstrap(): void {
    this.starting = this.startWithRetries(() => this.start());
  }

  /**
   * The event transport's handlers (startAllMicroservices, normally before the app's bootstrap hook). Handed over
   * later, after messaging started, the consumer starts on its own, in the background too.
   */
  serve(handlers: readonly EventHandler[]): void {
    if (this.served) throw new Error('the event transport is already serving this service');
    this.served = true;
    this.handlers = handlers;
    if (this.messagingStarted) this.starting = this.starting!.then(() => this.startWithRetries(() => this.startConsumer()));
  }

  /** The handler served for `contract`, checked to belong to `consumer` (tests deliver events through it). */
  handlerFor<P extends object>(contract: EventContract<P>, consumer: object): EventHandler<P> {
    const key = contractKey(contract.type, contract.version);
    const handler = this.handlers.find((candidate) => contractKey(candidate.contract.type, candidate.contract.version) === key);
    if (!handler) throw new Error(`no handler is served for ${key}${this.served ? '' : ' (the event transport is not connected: serveEvents(app))'}`);
    if (!handledContractsOf(consumer.constructor).includes(contract)) throw new Error(`${consumer.constructor.name} does not handle ${key}`);
    return handler as unknown as EventHandler<P>;
  }

  private async startWithRetries(step: () => Promise<void>): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt += 1) {
      try {
        await step();
        return;
      } catch (error) {
        if (this.stopping) return;
        // At most 5 s apart, as kafkajs retries a lost broker: a probe costs one TCP connect.
        const delayMs = Math.min(5_000, 500 * attempt);
        this.logger.warn({ err: error, attempt, delayMs }, 'messaging could not start; retrying');
        await this.whileConnecting(sleep(delayMs, undefined, { signal: this.stopRequested.signal }).catch(() => undefined));
      }
    }
  }

  private async start(): Promise<void> {
    // Our own retry loop waits for a reachable broker (and stops at once on shutdown); kafkajs's connect, which
    // retries for about 40 s without a way to cut it short, starts only once one answers.
    const brokers = kafkaConnectionOptions(this.config).brokers;
    if (!(await this.whileConnecting(anyBrokerAccepts(brokers, 3000)))) throw new Error(`no Kafka broker accepts connections at ${brokers.join(', ')}`);
    await this.whileConnecting(this.producer.connect());
    await this.whileConnecting(this.admin.connect());
    // Stopped while connecting: shutdown went on without waiting, so nothing may start now.
    if (this.stopping) return;
    await this.relay.start();
    this.messagingStarted = true;
    await this.startConsumer();
  }

  private async startConsumer(): Promise<void> {
    if (this.consumer || this.handlers.length === 0 || this.stopping) return;
    const handlers = this.handlers;
    const consumer = new EventConsumer(this.kafka, this.producer, {
      // Topics of another prefix are another environment: its consumers are another group (no shared rebalances).
      groupId: this.groupId,
      schema: this.service,
      handlers,
      topicPrefix: this.config.KAFKA_TOPIC_PREFIX,
      // A member that died (kill -9) holds its partitions until its session expires: 10 s, not kafkajs's 30 s, so a
      // restarted service consumes again sooner (the chaos run measured 28 s of stalled orders after kill -9 of orders).
      sessionTimeoutMs: 10_000,
      maxAttempts: this.config.CONSUMER_MAX_ATTEMPTS,
      retryBaseMs: this.config.CONSUMER_RETRY_BASE_MS,
      logger: this.logger,
      runInTransaction: (work) => this.dataSource.transaction((manager) => work(manager as SqlExecutor)),
    });
    try {
      await consumer.start();
    } catch (error) {
      await consumer.stop().catch(() => undefined);
      throw error;
    }
    this.consumer = consumer;
    this.logger.info({ role: databaseRoleFor(this.service), handlers: handlers.map((h) => `${h.contract.type}@v${h.contract.version}`) }, 'messaging started');
  }

  /**
   * On SIGTERM, before any module's shutdown hook: the consumer finishes its batch, commits and leaves the group, and
   * the relay ends its current publish, while the database is still open. TypeORM closes its DataSource in its own
   * shutdown hook; a handler still running then would fail, be retried and could end in the dead-letter topic.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stopConsuming();
    await this.relay.stop().catch((error: unknown) => this.logger.warn({ err: error }, 'outbox relay did not stop cleanly'));
  }

  /** The consumer finishes its batch, commits and leaves the group; nothing starts after. Idempotent. */
  async stopConsuming(): Promise<void> {
    this.stopping = true;
    this.stopRequested.abort();
    if (!this.connecting) await this.starting;
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop().catch((error: unknown) => this.logger.warn({ err: error }, 'consumer did not stop cleanly'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    await this.relayPool.end().catch(() => undefined);
  }

  private async whileConnecting<T>(work: Promise<T>): Promise<T> {
    this.connecting = true;
    try {
      return await work;
    } finally {
      this.connecting = false;
    }
  }

  /** This service's consumer group: topics of another prefix are another environment, so another group. */
  private get groupId(): string {
    return `${this.config.KAFKA_TOPIC_PREFIX}galley-${this.service}`;
  }

  /** The topics this service's handlers read (prefixed). */
  private consumedTopics(): string[] {
    return [...new Set(this.handlers.map((handler) => withTopicPrefix(handler.contract.topic, this.config.KAFKA_TOPIC_PREFIX)))];
  }

  /** What this service's consumers dead-lettered, on every topic they read. */
  deadLetters(): Promise<GroupDeadLetter[]> {
    return listGroupDeadLetters(this.kafka, this.consumedTopics(), this.groupId);
  }

  /** Publishes this service's dead letters (all, or one event's) back to their topics; the inbox skips what was handled. */
  replayDeadLetters(eventId?: string): Promise<GroupReplay> {
    return replayGroupDeadLetters(this.kafka, this.consumedTopics(), this.groupId, eventId);
  }

  /** How far this service's consumer group is behind, per topic it consumes. */
  /**
   * Bounded like describeBrokers: without a broker kafkajs retries for about a minute, which held every /metrics
   * scrape (outbox backlog included) past any scrape timeout for the whole outage.
   */
  consumerLag(): Promise<{ group: string; lags: TopicLag[] }> {
    return withTimeout(consumerGroupLag(this.admin, this.groupId, this.consumedTopics()), 3000).then((lags) => ({ group: this.groupId, lags }));
  }

  outboxLag(): Promise<OutboxLag> {
    return this.relay.lag();
  }

  /** Broker count from a metadata request, cached briefly so probes do not hammer the broker. */
  async describeBrokers(): Promise<number> {
    if (this.brokerCache && Date.now() - this.brokerCache.at < 5000) return this.brokerCache.brokers;
    const cluster = await withTimeout(this.admin.describeCluster(), 3000);
    this.brokerCache = { at: Date.now(), brokers: cluster.brokers.length };
    return cluster.brokers.length;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
