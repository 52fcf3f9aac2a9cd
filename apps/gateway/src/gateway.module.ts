import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { GatewayConfig } from '@galley/config';
import { HttpMetricsMiddleware, loggerParams, MetricsController } from '@galley/platform';
import { GATEWAY_CONFIG } from './config/gateway-config.token';
import { OpenApiAggregator } from './docs/openapi-aggregator.service';
import { GatewayHealthController } from './health/gateway-health.controller';
import { GatewayReadiness } from './health/gateway-readiness';
import { UpstreamHealthService } from './health/upstream-health.service';

/** The gateway's own routes: its readiness, the services' health, metrics and the merged API docs. */
@Module({})
export class GatewayModule implements NestModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [LoggerModule.forRoot(loggerParams('gateway', config.LOG_LEVEL))],
      controllers: [GatewayHealthController, MetricsController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, GatewayReadiness, UpstreamHealthService, OpenApiAggregator],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // /api and /.well-known never reach Nest: the edge handler in main.ts answers them.
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
