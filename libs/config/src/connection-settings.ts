import { readFileSync } from 'node:fs';
import { ConnectionOptions } from 'node:tls';

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
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
}

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
    throw new Error(`${key}: cannot read ${file} (${error instanceof Error ? error.message : 'unreadable'})`);
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
 * node-postgres `ssl` for the sslmode: `require` encrypts without checking the certificate (as
 * libpq does), `verify-ca` checks the chain but not the host name, `verify-full` checks both.
 * The CA file defaults to Node's bundled roots (managed services signed by a public CA need none).
 */
export function postgresTlsOptions(settings: PostgresSecuritySettings): ConnectionOptions | false {
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
