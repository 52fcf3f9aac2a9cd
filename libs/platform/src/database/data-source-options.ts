import { DataSourceOptions } from 'typeorm';
import { ServiceConfig, ServiceName } from '@galley/config';

// TypeORM accepts classes and their constructor functions here.
type Constructor = abstract new (...args: never[]) => unknown;

export interface ServiceSchema {
  entities: Constructor[];
  migrations: Constructor[];
}

/**
 * A connection pinned to the service's own schema with its own role. Tables change only through
 * migrations; `synchronize` stays off everywhere.
 */
export function serviceDataSourceOptions(service: ServiceName, config: ServiceConfig, schema: ServiceSchema): DataSourceOptions {
  return {
    type: 'postgres',
    host: config.DB_HOST,
    port: config.DB_PORT,
    database: config.DB_NAME,
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    schema: service,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: { max: config.DB_POOL_SIZE, application_name: `galley-${service}` },
  };
}
