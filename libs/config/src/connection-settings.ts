import { readFileSync } from 'node:fs';
import { ConnectionOptions, PeerCertificate } from 'node:tls';

/** The TLS and SASL keys every Kafka client reads (services, the gateway, the setup job). */
export interface KafkaSecuritySettings {
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string;
  KAFKA_SSL_REJECT_UNAUTHORIZED: boolean;
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** What kafkajs takes as `ssl` and `sasl` (the shapes of its KafkaConfig, without importing kafkajs here). */
export interface KafkaSecurityOptions {
  ssl?: ConnectionOptions | boolean;
  sasl?: KafkaSaslOptions;
}

/** One member per mechanism (as kafkajs declares its SASLOptions), so the value fits kafkajs's union. */
export type KafkaSaslOptions = { [M in KafkaSaslMechanism]: { mechanism: M; username: string; password: string } }[KafkaSaslMechanism];

/** The Postgres keys: `DB_SSL_MODE` as libpq's sslmode (the subset a client without fallback can honour). */
export interface PostgresSecuritySettings {
  DB_SSL_MODE: PostgresSslMode;
  DB_SSL_CA_FILE?: string;
}

export const POSTGRES_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type PostgresSslMode = (typeof POSTGRES_SSL_MODES)[number];

function readPem(key: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${key}: cannot read ${file} (${error instanceof Error ? error.message : 'unreadable'})`, { cause: error });
  }
}

/**
 * kafkajs `ssl`/`sasl` from the settings. SASL without TLS is allowed (some private clusters do
 * it) but sends the password in clear for PLAIN; managed offerings use both.
 */
export function kafkaSecurityOptions(settings: KafkaSecuritySettings): KafkaSecurityOptions {
  const options: KafkaSecurityOptions = {};
  if (settings.KAFKA_SSL) {
    const ca = settings.KAFKA_SSL_CA_FILE ? [readPem('KAFKA_SSL_CA_FILE', settings.KAFKA_SSL_CA_FILE)] : undefined;
    options.ssl = ca || !settings.KAFKA_SSL_REJECT_UNAUTHORIZED ? { ca, rejectUnauthorized: settings.KAFKA_SSL_REJECT_UNAUTHORIZED } : true;
  }
  if (settings.KAFKA_SASL_MECHANISM) {
    options.sasl = { mechanism: settings.KAFKA_SASL_MECHANISM, username: settings.KAFKA_SASL_USERNAME ?? '', password: settings.KAFKA_SASL_PASSWORD ?? '' };
  }
  return options;
}

/**
 * The TLS options a Postgres client gets: the few that both node-postgres (tls `ConnectionOptions`)
 * and TypeORM (which types them as `TlsOptions` and hands them to node-postgres) accept.
 */
export interface PostgresTlsOptions {
  ca?: string;
  rejectUnauthorized: boolean;
  checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined;
}

/**
 * node-postgres `ssl` for the sslmode: `require` encrypts without checking the certificate (as
 * libpq does), `verify-ca` checks the chain but not the host name, `verify-full` checks both.
 * The CA file defaults to Node's bundled roots (managed services signed by a public CA need none).
 */
export function postgresTlsOptions(settings: PostgresSecuritySettings): PostgresTlsOptions | false {
  const ca = settings.DB_SSL_CA_FILE ? readPem('DB_SSL_CA_FILE', settings.DB_SSL_CA_FILE) : undefined;
  switch (settings.DB_SSL_MODE) {
    case 'disable':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ca, rejectUnauthorized: true };
  }
}

/** Where a Kafka client connects and how: the broker list with the TLS/SASL options. */
export interface KafkaConnectionSettings extends KafkaSecuritySettings {
  KAFKA_BROKERS: string[];
}

/** kafkajs `brokers`, `ssl` and `sasl` from the settings: spread into every client built from config. */
export function kafkaConnectionOptions(settings: KafkaConnectionSettings): { brokers: string[] } & KafkaSecurityOptions {
  return { brokers: settings.KAFKA_BROKERS, ...kafkaSecurityOptions(settings) };
}

/** Where a Postgres client connects and how (a service's DB_* keys). */
export interface PostgresConnectionSettings extends PostgresSecuritySettings {
  DB_HOST: string;
  DB_PORT: number;
  DB_NAME: string;
  DB_USER: string;
  DB_PASSWORD: string;
}

/** What node-postgres takes to connect; TypeORM's postgres options name the user `username`. */
export interface PostgresConnectionOptions {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  ssl: PostgresTlsOptions | false;
}

/** node-postgres `Pool`/`Client` connection options (host, port, database, user, password, ssl) from the settings. */
export function postgresConnectionOptions(settings: PostgresConnectionSettings): PostgresConnectionOptions {
  return {
    host: settings.DB_HOST,
    port: settings.DB_PORT,
    database: settings.DB_NAME,
    user: settings.DB_USER,
    password: settings.DB_PASSWORD,
    ssl: postgresTlsOptions(settings),
  };
}
