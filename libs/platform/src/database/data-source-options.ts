import { DataSourceOptions } from 'typeorm';
import { postgresConnectionOptions, ServiceConfig, ServiceName } from '@galley/config';
import { serviceTypeParsers } from './pg-types';

// TypeORM accepts classes and their constructor functions here.
type Constructor = abstract new (...args: never[]) => unknown;

export interface ServiceSchema {
  entities: Constructor[];
  migrations: Constructor[];
}

/**
 * A connection pinned to the service's own schema with its own role. Tables change only through
 * migrations; `synchronize` stays off everywhere. TLS follows DB_SSL_MODE / DB_SSL_CA_FILE (the
 * services, their migrations in scripts/setup-services.ts and the reviews CLI all connect through here).
 * int8 columns arrive as numbers (`serviceTypeParsers`).
 */
export function serviceDataSourceOptions(service: ServiceName, config: ServiceConfig, schema: ServiceSchema): DataSourceOptions {
  const { user, ...connection } = postgresConnectionOptions(config);
  return {
    type: 'postgres',
    ...connection,
    username: user,
    schema: service,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: { max: config.DB_POOL_SIZE, application_name: `galley-${service}`, types: serviceTypeParsers },
  };
}
