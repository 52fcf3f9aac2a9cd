import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ServiceConfig, ServiceName } from '@galley/config';
import { OutboxWriter } from '@galley/messaging';
import { serviceDataSourceOptions, ServiceSchema } from './database/data-source-options';
import { MessagingHealthIndicator } from './health/kafka.health';
import { MessagingMetrics } from './health/messaging-metrics';
import { ServiceHealthController } from './health/service-health.controller';
import { loggerParams } from './http/logging';
import { HttpMetricsMiddleware, MetricsController } from './http/metrics';
import { deadLettersControllerFor } from './messaging/dead-letters.controller';
import { MessagingRuntime } from './messaging/messaging.runtime';
import { ConsumerLagMetrics } from './telemetry/service-metrics';
import { SERVICE_CONFIG, SERVICE_NAME } from './tokens';

export interface ServicePlatformOptions {
  service: ServiceName;
  config: ServiceConfig;
  schema: ServiceSchema;
}

/**
 * What every service shares: logging, its schema's connection, messaging (outbox writer, relay,
 * consumers), health and metrics. Apps import it once and add their own controllers.
 */
@Module({})
export class ServicePlatformModule implements NestModule {
  static forRoot(options: ServicePlatformOptions): DynamicModule {
    const { service, config } = options;
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(service, config.LOG_LEVEL)),
        TypeOrmModule.forRoot(serviceDataSourceOptions(service, config, options.schema)),
        TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }),
      ],
      controllers: [ServiceHealthController, MetricsController, deadLettersControllerFor(service)],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: OutboxWriter, useValue: new OutboxWriter({ schema: service, topicPrefix: config.KAFKA_TOPIC_PREFIX }) },
        MessagingRuntime,
        MessagingHealthIndicator,
        MessagingMetrics,
        ConsumerLagMetrics,
      ],
      exports: [SERVICE_NAME, SERVICE_CONFIG, OutboxWriter],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
