import { OpenAPIObject } from '@nestjs/swagger';

/**
 * One document from the gateway's own and each service's: public paths (`/api`, `/.well-known`)
 * are taken from the services, their schemas are merged (first definition wins).
 */
export function mergeOpenApi(base: OpenAPIObject, services: Record<string, OpenAPIObject | undefined>): OpenAPIObject {
  const merged: OpenAPIObject = {
    ...base,
    paths: { ...base.paths },
    components: { ...base.components, schemas: { ...(base.components?.schemas ?? {}) } },
    tags: [...(base.tags ?? [])],
  };
  for (const [service, doc] of Object.entries(services)) {
    if (!doc) continue;
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (!path.startsWith('/api/') && !path.startsWith('/.well-known/')) continue;
      // Copies, so tagging an operation never changes the service's cached document.
      const copy = structuredClone(item) as Record<string, unknown>;
      for (const operation of Object.values(copy)) {
        if (operation && typeof operation === 'object' && 'responses' in operation) {
          const op = operation as { tags?: string[] };
          op.tags = op.tags?.length ? op.tags : [service];
        }
      }
      merged.paths[path] = copy;
    }
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      merged.components!.schemas![name] ??= schema;
    }
    for (const [name, scheme] of Object.entries(doc.components?.securitySchemes ?? {})) {
      merged.components!.securitySchemes = { ...merged.components!.securitySchemes, [name]: merged.components!.securitySchemes?.[name] ?? scheme };
    }
  }
  return merged;
}
