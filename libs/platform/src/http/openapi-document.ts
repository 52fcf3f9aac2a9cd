import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document of one Galley app, from its controllers and DTO decorators. The running app
 * serves it at /docs-json; `npm run docs:openapi` builds the same document from an app created in
 * Nest's preview mode (no provider runs, so no database or broker is needed).
 */
export function openApiDocumentOf(app: INestApplication, options: { app: string; description: string }): OpenAPIObject {
  return SwaggerModule.createDocument(
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
  );
}
