import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KafkaConfig } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { Pool, PoolConfig } from 'pg';
import { DataSource } from 'typeorm';
import { loadServiceConfig } from '@galley/config';
import { MessagingRuntime } from './messaging.runtime';

// The kafkajs client is replaced so the options the runtime builds it with can be read; nothing connects.
const kafkaConfigs: KafkaConfig[] = [];
jest.mock('kafkajs', () => {
  const actual = jest.requireActual<typeof import('kafkajs')>('kafkajs');
  class RecordingKafka {
    constructor(config: KafkaConfig) {
      kafkaConfigs.push(config);
    }
    // Instrumentation may listen to the clients' request events; nothing is emitted.
    producer(): object {
      return { events: {}, on: () => undefined };
    }
    admin(): object {
      return { events: {}, on: () => undefined };
    }
  }
  return { ...actual, Kafka: RecordingKafka };
});

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const caFile = path.join(mkdtempSync(path.join(tmpdir(), 'galley-runtime-ca-')), 'ca.pem');
writeFileSync(caFile, PEM);

const logger = { setContext: () => undefined, warn: () => undefined, info: () => undefined } as unknown as PinoLogger;

function runtimeWith(env: Record<string, string>): { kafka: KafkaConfig; relayPool: PoolConfig } {
  kafkaConfigs.length = 0;
  const config = loadServiceConfig('orders', { KAFKA_BROKERS: 'kafka-1.example:9093,kafka-2.example:9093', ...env });
  const sut = new MessagingRuntime('orders', config, {} as DataSource, logger);
  const relayPool = (sut as unknown as { relayPool: Pool & { options: PoolConfig } }).relayPool;
  void relayPool.end();
  return { kafka: kafkaConfigs[0], relayPool: relayPool.options };
}

describe(MessagingRuntime.name, () => {
  it('builds its Kafka client with TLS and SASL/SCRAM when the config asks for them', () => {
    const { kafka } = runtimeWith({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: caFile,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'galley-orders',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(kafka.brokers).toEqual(['kafka-1.example:9093', 'kafka-2.example:9093']);
    expect(kafka.ssl).toEqual({ ca: [PEM], rejectUnauthorized: true });
    expect(kafka.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'galley-orders', password: 's3cret' });
  });

  it('builds a plaintext Kafka client without the TLS and SASL keys', () => {
    const { kafka } = runtimeWith({});
    expect(kafka.ssl).toBeUndefined();
    expect(kafka.sasl).toBeUndefined();
  });

  it('connects the outbox relay pool with the DB_SSL_MODE the config gives', () => {
    expect(runtimeWith({ DB_SSL_MODE: 'verify-full', DB_SSL_CA_FILE: caFile, DB_HOST: 'db.example' }).relayPool).toMatchObject({
      host: 'db.example',
      user: 'galley_orders',
      ssl: { ca: PEM, rejectUnauthorized: true },
    });
    expect(runtimeWith({}).relayPool.ssl).toBe(false);
  });
});
