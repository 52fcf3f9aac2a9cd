import { DynamicModule, Type } from '@nestjs/common';
import { ConfigValidationError, loadServiceConfig, ServiceConfig, ServiceName } from '@galley/config';
import { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import pino from 'pino';
import { createHttpApp } from './http/bootstrap';
import { serveEvents } from './messaging/galley-event.transport';
import { GracefulShutdownOptions, handleShutdownSignals } from './http/graceful-shutdown';
import { logMixin } from './http/logging';

/**
 * Entry point of a service process: validate the configuration (exit with every bad key named),
 * build the app as a hybrid (HTTP, and its event handlers served by Galley's transport: serveEvents),
 * listen, and on SIGTERM shut down gracefully (handleShutdownSignals).
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
  await serveEvents(app);
  listenUntilSignalled(app, service, config, {});
  await app.listen(config.PORT, config.HOST);
}

/**
 * Installs the graceful shutdown of an app (before listen): requests finish, then Nest's hooks stop the
 * consumer after its batch commits and the relay after its publish, and the pools and Kafka clients close.
 */
export function listenUntilSignalled(
  app: INestApplication,
  name: string,
  config: { LOG_LEVEL: string; SHUTDOWN_GRACE_MS: number },
  steps: Pick<GracefulShutdownOptions, 'beforeClose' | 'afterHttpClosed'>,
): void {
  const logger = pino({ level: config.LOG_LEVEL, base: { app: name, context: 'shutdown' }, mixin: logMixin });
  handleShutdownSignals(app, app.getHttpServer() as Server, { graceMs: config.SHUTDOWN_GRACE_MS, logger, ...steps });
}
