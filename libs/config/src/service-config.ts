import { Transform } from 'class-transformer';
import { loadConfig } from './load-config';
import { databaseRoleFor, DEFAULT_PORTS, ServiceName } from './services';
import { KAFKA_SASL_MECHANISMS, KafkaSaslMechanism, KafkaSecuritySettings, POSTGRES_SSL_MODES, PostgresSecuritySettings, PostgresSslMode } from './connection-settings';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, ValidateIf, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

// The raw string (obj[key]): implicit conversion would already have made 'false' true.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return typeof raw === 'string' ? ['true', '1', 'yes'].includes(raw.trim().toLowerCase()) : raw;
};

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

/** KAFKA_BROKERS: a comma-separated list of host:port (services and the gateway read it). */
export function KafkaBrokersSetting(): PropertyDecorator {
  return applyDecorators(
    Transform(toList),
    IsString({ each: true }),
    Matches(/^[^\s:]+:\d+$/, { each: true, message: 'KAFKA_BROKERS must be a comma-separated list of host:port' }),
  );
}

/** KAFKA_TOPIC_PREFIX: letters, digits, `.`, `_` and `-` only, so every topic name stays valid. */
export function TopicPrefixSetting(): PropertyDecorator {
  return applyDecorators(IsString(), Matches(/^[a-zA-Z0-9._-]*$/));
}

function applyDecorators(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

/** Settings every app shares: runtime mode, HTTP port and logging. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsString()
  @IsNotEmpty()
  HOST: string = '0.0.0.0';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** SIGTERM: in-flight requests, the current consumer batch and relay publish get this long before the process exits 1. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  SHUTDOWN_GRACE_MS: number = 10_000;

  /** OTLP/HTTP base URL of a trace collector (e.g. http://otel-collector:4318); traces are off without it. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

/** An app with Kafka clients: where the brokers are, and how to reach a managed cluster (TLS, SASL). */
export class KafkaAppConfig extends AppConfig implements KafkaSecuritySettings {
  @KafkaBrokersSetting()
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** Lets test runs use their own topics (e.g. `t123.orders.events`) on a shared broker. */
  @TopicPrefixSetting()
  KAFKA_TOPIC_PREFIX: string = '';

  /** TLS to the brokers (managed Kafka: Confluent Cloud, MSK, Aiven, Event Hubs). */
  @Transform(toBoolean)
  @IsBoolean()
  KAFKA_SSL: boolean = false;

  /** PEM file of the CA that signed the brokers' certificates; Node's bundled roots when unset. */
  @IsOptional()
  @IsString()
  KAFKA_SSL_CA_FILE?: string;

  /** `false` only to try a cluster with a certificate nobody can check; never in production. */
  @Transform(toBoolean)
  @IsBoolean()
  KAFKA_SSL_REJECT_UNAUTHORIZED: boolean = true;

  @IsOptional()
  @IsIn(KAFKA_SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  @ValidateIf((config: KafkaAppConfig) => !!config.KAFKA_SASL_MECHANISM)
  @IsString()
  @IsNotEmpty({ message: 'KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((config: KafkaAppConfig) => !!config.KAFKA_SASL_MECHANISM)
  @IsString()
  @IsNotEmpty({ message: 'KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_PASSWORD?: string;
}

/** Settings of a service that owns a schema and talks to Kafka. */
export class ServiceConfig extends KafkaAppConfig implements PostgresSecuritySettings {
  @IsString()
  @IsNotEmpty()
  DB_HOST: string = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT: number = 5432;

  @IsString()
  @IsNotEmpty()
  DB_NAME: string = 'galley';

  @IsString()
  @IsNotEmpty()
  DB_USER!: string;

  @IsString()
  DB_PASSWORD: string = '';

  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE: number = 10;

  /** libpq's sslmode: `disable`, `require` (encrypted, certificate unchecked), `verify-ca`, `verify-full`. */
  @IsIn(POSTGRES_SSL_MODES)
  DB_SSL_MODE: PostgresSslMode = 'disable';

  /** PEM file of the server certificate's CA, for verify-ca / verify-full; Node's bundled roots when unset. */
  @IsOptional()
  @IsString()
  DB_SSL_CA_FILE?: string;

  @IsInt()
  @Min(1)
  @Max(10000)
  OUTBOX_BATCH_SIZE: number = 500;

  @IsInt()
  @Min(10)
  @Max(60000)
  OUTBOX_POLL_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(20)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  @IsInt()
  @Min(1)
  @Max(60000)
  CONSUMER_RETRY_BASE_MS: number = 200;
}

/**
 * A service's settings from the environment, with the defaults that follow from its name (its
 * port and its database role), so local runs need no per-service variables.
 */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv): ServiceConfig {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  return loadConfig(ServiceConfig, { PORT: String(DEFAULT_PORTS[service]), DB_USER: databaseRoleFor(service), ...given });
}
