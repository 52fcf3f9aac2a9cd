import { Server } from 'node:http';
import path from 'node:path';
import helmet from 'helmet';
import pino from 'pino';
import { ConfigValidationError, GatewayConfig, kafkaConnectionOptions, loadConfig } from '@galley/config';
import { createKafkaClient } from '@galley/messaging';
import { createHttpApp, listenUntilSignalled, logMixin } from '@galley/platform';
import { GATEWAY_API_DESCRIPTION } from './docs/gateway-routes.openapi';
import { OpenApiAggregator } from './docs/openapi-aggregator.service';
import { EdgeRequestHandler } from './edge/edge-request-handler';
import { GatewayModule } from './gateway.module';
import { GatewayReadiness } from './health/gateway-readiness';
import { AvailabilityFeed } from './streams/availability-feed';
import { AvailabilityStreams } from './streams/availability-streams';
import { OrderStatusFeed } from './streams/order-status-feed';
import { OrderStreams } from './streams/order-streams';
import { SessionRevocationFeed } from './streams/session-revocation-feed';
import { StreamSessions } from './streams/stream-sessions';
import { WebAppHandler } from './web/web-app-handler';

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig(GatewayConfig, process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(`galley-gateway: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const app = await createHttpApp(GatewayModule.forRoot(config), {
    app: 'gateway',
    description: GATEWAY_API_DESCRIPTION,
    // Bodies stream through to the services untouched (webhooks are signed over raw bytes).
    parseJsonBodies: false,
    documentPatcher: (req, base) => app.get(OpenApiAggregator).merged(base),
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  // The OpenAPI UI at /docs needs its inline scripts; the JSON routes need no content policy.
  app.use(helmet({ contentSecurityPolicy: false }));

  // The API itself is answered by the edge handler on the bare server, ahead of Express and Nest.
  const logger = pino({ level: config.LOG_LEVEL, base: { app: 'gateway', context: 'edge' }, mixin: logMixin });
  // Live order status (SSE): order.status_changed from Kafka, history from the orders service.
  const feed = new OrderStatusFeed(createKafkaClient({ clientId: 'galley-gateway', ...kafkaConnectionOptions(config) }), config.KAFKA_TOPIC_PREFIX, logger);
  feed.start();
  const streams = new OrderStreams(feed, config.ORDERS_URL, config.SSE_HEARTBEAT_SECONDS * 1000, logger);
  // Live product availability (SSE): inventory.events from Kafka, the snapshot from inventory.
  const availabilityFeed = new AvailabilityFeed(
    createKafkaClient({ clientId: 'galley-gateway-availability', ...kafkaConnectionOptions(config) }),
    config.KAFKA_TOPIC_PREFIX,
    config.INVENTORY_URL,
    logger,
  );
  availabilityFeed.start();
  const availability = new AvailabilityStreams(availabilityFeed, config.SSE_HEARTBEAT_SECONDS * 1000, logger);
  // Streams end when users announces their sign-in revoked (logout, password change).
  const streamSessions = new StreamSessions();
  const revocations = new SessionRevocationFeed(
    createKafkaClient({ clientId: 'galley-gateway-sessions', ...kafkaConnectionOptions(config) }),
    config.KAFKA_TOPIC_PREFIX,
    (revocation) => {
      const ended = streamSessions.revoke(revocation);
      if (ended > 0) logger.info({ accountId: revocation.accountId, reason: revocation.reason, ended }, 'ended the live streams of revoked sessions');
    },
    logger,
  );
  revocations.start();
  const edge = new EdgeRequestHandler(config, logger, streams, availability, streamSessions);
  const readiness = app.get(GatewayReadiness);
  readiness.watchKeys(edge.keyCache);
  // The storefront and dashboard (apps/web/dist) on the same bare server; /docs, health and metrics stay Nest's.
  const web = new WebAppHandler({ distDir: path.resolve(config.WEB_DIST_DIR), stripe: !!config.STRIPE_PUBLISHABLE_KEY }, logger);
  await app.init();
  const server = app.getHttpServer() as Server;
  const [nestHandler] = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    if (edge.handles(req.url)) edge.handle(req, res);
    else if (web.handles(req)) web.handle(req, res);
    else nestHandler(req, res);
  });
  listenUntilSignalled(app, 'gateway', config, {
    // Open streams would hold the server open: leave readiness and end them first (clients resume with Last-Event-ID).
    beforeClose: () => {
      readiness.drain();
      streams.closeAll();
      availability.closeAll();
    },
    afterHttpClosed: async () => {
      edge.close();
      await Promise.all([feed.stop(), availabilityFeed.stop(), revocations.stop()]);
    },
  });
  await app.listen(config.PORT, config.HOST);
}

void main();
