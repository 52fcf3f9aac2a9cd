import { DynamicModule, Type } from '@nestjs/common';
import { ConfigValidationError, loadServiceConfig, ServiceConfig, ServiceName } from '@galley/config';
import { createHttpApp } from './http/bootstrap';

/**
 * Entry point of a service process: validate the configuration (exit with every bad key named),
 * build the app, listen, and let Nest's shutdown hooks stop consumers and the relay on SIGTERM.
 */
export async function runService(
  service: ServiceName,
  env: NodeJS.ProcessEnv,
  rootModule: (config: ServiceConfig) => DynamicModule | Type<unknown>,
  description: string,
): Promise<void> {
  let config: ServiceConfig;
  try {
    config = loadServiceConfig(service, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(`galley-${service}: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const module = rootModule(config);
  const app = await createHttpApp(module, { app: service, description, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  await app.listen(config.PORT, config.HOST);
}
