import { ServiceName } from './services';

export interface CliEnvironmentOptions {
  /** The test database (GALLEY_TEST_DB_NAME, default galley_test) instead of DB_NAME's. */
  testDatabase?: boolean;
}

/**
 * The environment an operator CLI of `service` loads its ServiceConfig from, connected as the
 * service's own role: DB_PASSWORD, else DB_PASSWORD_<SERVICE> (what npm start and the migrations
 * use), else the development password; a pool of 2; the rest as the service reads it.
 */
export function serviceCliEnvironment(service: ServiceName, env: NodeJS.ProcessEnv, options: CliEnvironmentOptions = {}): NodeJS.ProcessEnv {
  return {
    ...env,
    DB_USER: env.DB_USER || undefined,
    DB_PASSWORD: env.DB_PASSWORD || env[`DB_PASSWORD_${service.toUpperCase()}`] || `galley_${service}_dev`,
    DB_POOL_SIZE: '2',
    ...(options.testDatabase ? { DB_NAME: env.GALLEY_TEST_DB_NAME || 'galley_test' } : {}),
  };
}
