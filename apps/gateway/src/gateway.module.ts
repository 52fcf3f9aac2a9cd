import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { GatewayConfig } from '@galley/config';
import { HttpMetricsMiddleware, loggerParams, MetricsController } from '@galley/platform';
import { GATEWAY_CONFIG } from './config/gateway-config.token';
import { OpenApiAggregator } from './docs/openapi-aggregator.service';
import { GatewayHealthController } from './health/gateway-health.controller';
import { UpstreamHealthService } from './health/upstream-health.service';
import { AccessMiddleware } from './routing/access.middleware';
import { ProxyMiddleware } from './routing/proxy.middleware';

/** The single HTTP entry: proxies /api to the services, aggregates health and API docs. */
@Module({})
export class GatewayModule implements NestModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [LoggerModule.forRoot(loggerParams('gateway', config.LOG_LEVEL))],
      controllers: [GatewayHealthController, MetricsController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, UpstreamHealthService, OpenApiAggregator, AccessMiddleware, ProxyMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
    consumer
      .apply(AccessMiddleware, ProxyMiddleware)
      .forRoutes({ path: 'api/*path', method: RequestMethod.ALL }, { path: '.well-known/*path', method: RequestMethod.ALL });
  }
}
