import { Admin, AdminConfig, Consumer, ConsumerConfig, Kafka, KafkaConfig, logLevel, LogEntry, Partitioners, Producer, ProducerConfig } from 'kafkajs';
import { Counter } from 'prom-client';
import { MessagingLogger, silentLogger } from './logger';

/** Every request a client of this process sent to the brokers (Fetch, OffsetCommit, Produce, Heartbeat...). */
const kafkaRequests = new Counter({
  name: 'galley_kafka_requests_total',
  help: 'Requests sent to the Kafka brokers, by client id, consumer group (empty for producers and admins) and API',
  labelNames: ['client', 'group', 'api'],
});

type RequestEvent = { payload: { apiName: string } };

/**
 * A kafkajs client that counts the requests of every consumer, producer and admin it creates
 * (galley_kafka_requests_total): the broker's cost per order is mostly its request rate.
 */
class CountingKafka extends Kafka {
  constructor(
    config: KafkaConfig,
    private readonly clientId: string,
  ) {
    super(config);
  }

  override consumer(config: ConsumerConfig): Consumer {
    const consumer = super.consumer(config);
    const counters = new Map<string, Counter.Internal>();
    consumer.on(consumer.events.REQUEST, (event: RequestEvent) => countRequest(counters, this.clientId, config.groupId, event));
    return consumer;
  }

  override producer(config?: ProducerConfig): Producer {
    const producer = super.producer(config);
    const counters = new Map<string, Counter.Internal>();
    producer.on(producer.events.REQUEST, (event: RequestEvent) => countRequest(counters, this.clientId, '', event));
    return producer;
  }

  override admin(config?: AdminConfig): Admin {
    const admin = super.admin(config);
    const counters = new Map<string, Counter.Internal>();
    admin.on(admin.events.REQUEST, (event: RequestEvent) => countRequest(counters, this.clientId, '', event));
    return admin;
  }
}

function countRequest(counters: Map<string, Counter.Internal>, client: string, group: string, event: RequestEvent): void {
  const api = event.payload.apiName;
  let counter = counters.get(api);
  if (!counter) counters.set(api, (counter = kafkaRequests.labels({ client, group, api })));
  counter.inc();
}

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
  /** TLS to the brokers (managed Kafka); from config through `kafkaConnectionOptions`. */
  ssl?: KafkaConfig['ssl'];
  /** SASL PLAIN / SCRAM credentials; from config through `kafkaConnectionOptions`. */
  sasl?: KafkaConfig['sasl'];
  logger?: MessagingLogger;
}

/** A kafkajs client whose own log lines go through the service's logger. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const logger = options.logger ?? silentLogger;
  return new CountingKafka(
    {
      clientId: options.clientId,
      brokers: options.brokers,
      ssl: options.ssl,
      sasl: options.sasl,
      connectionTimeout: 3000,
      // Backoff capped at 5 s (kafkajs's default cap is 30 s): after a broker restart every client reconnects within
      // seconds instead of sitting out a 13-26 s wait; 12 retries keep about the same ~40 s before a request gives up.
      retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 12 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log, namespace }: LogEntry) => {
          const { message, ...context } = log;
          const entry = { ...context, namespace };
          if (level <= logLevel.ERROR) logger.error(entry, `kafkajs: ${message}`);
          else logger.warn(entry, `kafkajs: ${message}`);
        },
    },
    options.clientId,
  );
}

/**
 * The idempotent producer: the broker drops retried duplicates, and one request in flight keeps
 * the order of a key's messages even when a send is retried.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  // The default (murmur2) partitioner, named explicitly: it places keys as Java clients do.
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/** Creates the topics that are missing; existing ones are left as they are. */
export async function ensureTopics(admin: Admin, topics: TopicSpec[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return [];
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.numPartitions, replicationFactor: -1 })),
  });
  return missing.map((spec) => spec.topic);
}
