import { Admin, Kafka, KafkaConfig, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { MessagingLogger, silentLogger } from './logger';

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
  return new Kafka({
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
  });
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
