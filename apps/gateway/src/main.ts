import { Server } from 'node:http';
import helmet from 'helmet';
import pino from 'pino';
import { ConfigValidationError, GatewayConfig, loadConfig } from '@galley/config';
import { createHttpApp } from '@galley/platform';
import { OpenApiAggregator } from './docs/openapi-aggregator.service';
import { EdgeRequestHandler } from './edge/edge-request-handler';
import { GatewayModule } from './gateway.module';

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
    description: 'The public Galley API: every route of every service, behind one entry.',
    // Bodies stream through to the services untouched (webhooks are signed over raw bytes).
    parseJsonBodies: false,
    documentPatcher: (req, base) => app.get(OpenApiAggregator).merged(base),
  });
  // The OpenAPI UI at /docs needs its inline scripts; the JSON routes need no content policy.
  app.use(helmet({ contentSecurityPolicy: false }));

  // The API itself is answered by the edge handler on the bare server, ahead of Express and Nest.
  const edge = new EdgeRequestHandler(config, pino({ level: config.LOG_LEVEL, base: { app: 'gateway', context: 'edge' } }));
  await app.init();
  const server = app.getHttpServer() as Server;
  const [nestHandler] = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req, res) => (edge.handles(req.url) ? edge.handle(req, res) : nestHandler(req, res)));
  server.once('close', () => edge.close());
  await app.listen(config.PORT, config.HOST);
}

void main();
