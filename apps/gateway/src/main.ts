import helmet from 'helmet';
import { ConfigValidationError, GatewayConfig, loadConfig } from '@galley/config';
import { createHttpApp } from '@galley/platform';
import { OpenApiAggregator } from './docs/openapi-aggregator.service';
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
  // JSON APIs need no content policy, and the OpenAPI UI at /docs needs its inline scripts.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors({
    origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false,
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  await app.listen(config.PORT, config.HOST);
}

void main();
