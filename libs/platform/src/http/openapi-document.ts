import { INestApplication, ParseUUIDPipe } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponse } from './http-dtos';

const ERROR_BODY = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };

/**
 * What any route but a GET may answer, whatever its controller says, because the platform's JSON
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
  const uuids = uuidPathParameters(app);
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of [
      ['get', item.get],
      ['post', item.post],
      ['put', item.put],
      ['patch', item.patch],
      ['delete', item.delete],
    ] as const) {
      if (!operation) continue;
      // The JSON body parser runs before any route: whatever the route takes, a body can be refused.
      if (method !== 'get') for (const [status, response] of Object.entries(BODY_ERRORS)) operation.responses[status] ??= response;
      // Query DTOs are validated with forbidNonWhitelisted: an unknown or bad parameter is a 400.
      if (operation.parameters?.some((parameter) => 'in' in parameter && parameter.in === 'query')) {
        operation.responses['400'] ??= { description: 'A query parameter is unknown or invalid', content: ERROR_BODY };
      }
      const checked = uuids.get(operation.operationId ?? '');
      if (!checked) continue;
      for (const parameter of operation.parameters ?? []) {
        if ('in' in parameter && parameter.in === 'path' && checked.has(parameter.name)) parameter.schema = { type: 'string', format: 'uuid' };
      }
      operation.responses['400'] ??= { description: 'A path id is not a UUID', content: ERROR_BODY };
    }
  }
  // Every error is answered by AllExceptionsFilter in one shape, whether or not the route says so.
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if (response && Number(status) >= 400 && !('$ref' in response) && !response.content) response.content = ERROR_BODY;
      }
    }
  }
  return document;
}

/**
 * The path parameters each route checks with ParseUUIDPipe, by operation id (Nest's default
 * `<Controller>_<method>`), read from the same route metadata Nest uses to call the handler:
 * what the route accepts is what it documents, without an @ApiParam beside every @Param.
 */
function uuidPathParameters(app: INestApplication): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller?.prototype) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { data?: unknown; pipes?: unknown[] }>;
        for (const [key, arg] of Object.entries(args)) {
          if (!key.startsWith(`${RouteParamtypes.PARAM}:`) || typeof arg.data !== 'string') continue;
          if (!arg.pipes?.some((pipe) => pipe instanceof ParseUUIDPipe || pipe === ParseUUIDPipe)) continue;
          const operationId = `${controller.name}_${method}`;
          found.set(operationId, (found.get(operationId) ?? new Set()).add(arg.data));
        }
      }
    }
  }
  return found;
}
