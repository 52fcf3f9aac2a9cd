import 'reflect-metadata';
import { DynamicModule, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { collectProcessMetrics } from './metrics';
import { requestContextMiddleware } from './request-context.middleware';

export interface HttpAppOptions {
  app: string;
  description: string;
  /** Body size limit for JSON requests. */
  bodyLimit?: string;
  /** The gateway streams bodies through unparsed; services parse JSON. */
  parseJsonBodies?: boolean;
  /** Replaces the served OpenAPI document per request (the gateway serves a merged one). */
  documentPatcher?: (req: unknown, base: OpenAPIObject) => Promise<OpenAPIObject>;
}

/** Applies what every Galley HTTP app shares: logs, validation, error shape, OpenAPI, shutdown. */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestExpressApplication> {
  collectProcessMetrics(options.app);
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  if (options.parseJsonBodies !== false) app.useBodyParser('json', { limit: options.bodyLimit ?? '256kb' });
  app.use(requestContextMiddleware);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Say which field is wrong, never echo the value back.
      validationError: { target: false, value: false },
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  app.disable('x-powered-by');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(`Galley ${options.app}`).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  const patcher = options.documentPatcher;
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    ...(patcher ? { patchDocumentOnRequest: (req: unknown, _res: unknown, base: OpenAPIObject) => patcher(req, base) } : {}),
  });
  return app;
}
