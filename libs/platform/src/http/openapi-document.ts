import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponse } from './http-dtos';

const ERROR_BODY = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };

/**
 * What any route with a JSON body may answer, whatever its controller says, because the platform's
 * body parser and ValidationPipe (createHttpApp) and the gateway's body limit answer them first.
 */
const BODY_ERRORS = {
  '400': { description: 'The body is not JSON, or a field is missing or invalid (named in message/details)', content: ERROR_BODY },
  '413': { description: 'The body is larger than the limit', content: ERROR_BODY },
  '415': { description: 'The body is in an unsupported charset', content: ERROR_BODY },
};

/**
 * The OpenAPI document of one Galley app, from its controllers and DTO decorators. The running app
 * serves it at /docs-json; `npm run docs:openapi` builds the same document from an app created in
 * Nest's preview mode (no provider runs, so no database or broker is needed).
 */
export function openApiDocumentOf(app: INestApplication, options: { app: string; description: string }): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Galley ${options.app}`)
      .setDescription(options.description)
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      // Relative: the host that serves the document (the gateway, for the merged one).
      .addServer('/')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorResponse] },
  );
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.post, item.put, item.patch]) {
      if (!operation?.requestBody) continue;
      for (const [status, response] of Object.entries(BODY_ERRORS)) operation.responses[status] ??= response;
    }
  }
  return document;
}
