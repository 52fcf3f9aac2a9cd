import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { errorBody, reasonPhrase } from '@galley/errors';
import { DynamicModule, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { rejectUnstorableText, verifyJsonBody } from './input-guards';
import { collectProcessMetrics } from './metrics';
import { openApiDocumentOf } from './openapi-document';
import { requestContextMiddleware } from './request-context.middleware';
import { startTracing } from '../telemetry/tracing';

export interface HttpAppOptions {
  app: string;
  description: string;
  /** Body size limit for JSON requests. */
  bodyLimit?: string;
  /** The gateway streams bodies through unparsed; services parse JSON. */
  parseJsonBodies?: boolean;
  /** Replaces the served OpenAPI document per request (the gateway serves a merged one). */
  documentPatcher?: (req: unknown, base: OpenAPIObject) => Promise<OpenAPIObject>;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: spans are exported there; no tracing without it. */
  otlpEndpoint?: string;
}

/** Applies what every Galley HTTP app shares: logs, validation, error shape, OpenAPI. */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestExpressApplication> {
  collectProcessMetrics(options.app);
  startTracing({ app: options.app, endpoint: options.otlpEndpoint });
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  // Before any guard or pipe: the size limit, then the nesting depth on the raw bytes (verifyJsonBody
  // also keeps them as `req.rawBody`: Stripe signatures are checked on the exact bytes received),
  // then text Postgres cannot store, in the path, the query and the body.
  if (options.parseJsonBodies !== false) app.use(json({ limit: options.bodyLimit ?? '256kb', verify: verifyJsonBody }));
  app.use(rejectUnstorableText);
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
  // No enableShutdownHooks: apps install handleShutdownSignals (it closes HTTP before the hooks, and exits 0).
  app.disable('x-powered-by');

  const document = openApiDocumentOf(app, options);
  const patcher = options.documentPatcher;
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    ...(patcher ? { patchDocumentOnRequest: (req: unknown, _res: unknown, base: OpenAPIObject) => patcher(req, base) } : {}),
  });
  answerMalformedRequestsWithJson(app);
  return app;
}

/**
 * Node's HTTP parser rejects some requests (oversized headers, unknown methods, garbage bytes)
 * before any middleware runs, answering with an empty body; answer in the JSON error shape.
 */
function answerMalformedRequestsWithJson(app: NestExpressApplication): void {
  const server = app.getHttpServer() as import('node:http').Server;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:stream').Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify(errorBody(status, 'The request could not be parsed', randomUUID()));
    socket.end(
      `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
