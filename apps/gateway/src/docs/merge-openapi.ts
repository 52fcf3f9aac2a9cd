import { OpenAPIObject } from '@nestjs/swagger';
import { Access, policyFor, ROUTE_POLICIES, RoutePolicy } from '../routing/route-policy';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** The bearer scheme every service declares (DocumentBuilder.addBearerAuth()). */
const BEARER = 'bearer';

type Operation = { tags?: string[]; security?: Record<string, string[]>[]; responses: Record<string, unknown> };

/**
 * One document from the gateway's own and each service's: public paths (`/api`, `/.well-known`)
 * are taken from the services, their schemas are merged (first definition wins). Who may call an
 * operation is what the gateway enforces (ROUTE_POLICIES), so its `security` and its 401/403
 * answers come from that table: public routes `security: []`, the others the bearer token. An
 * `/api` operation without a policy keeps no `security` (the gateway answers it 404; the contract
 * test names it). The gateway's own routes (health) are public.
 */
export function mergeOpenApi(base: OpenAPIObject, services: Record<string, OpenAPIObject | undefined>, policies: readonly RoutePolicy[] = ROUTE_POLICIES): OpenAPIObject {
  const merged: OpenAPIObject = {
    ...base,
    paths: { ...base.paths },
    components: { ...base.components, schemas: { ...(base.components?.schemas ?? {}) } },
    tags: [...(base.tags ?? [])],
  };
  for (const [service, doc] of Object.entries(services)) {
    if (!doc) continue;
    const renames = collidingSchemaNames(service, doc, merged);
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (!isEdgePath(path)) continue;
      // Copies, so tagging an operation never changes the service's cached document.
      const copy = renamed(structuredClone(item), renames) as Record<string, unknown>;
      for (const operation of Object.values(copy)) {
        if (operation && typeof operation === 'object' && 'responses' in operation) {
          const op = operation as Operation;
          op.tags = op.tags?.length ? op.tags : [service];
        }
      }
      merged.paths[path] = copy;
    }
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      merged.components!.schemas![renames.get(name) ?? name] ??= renamed(structuredClone(schema), renames);
    }
    for (const [name, scheme] of Object.entries(doc.components?.securitySchemes ?? {})) {
      merged.components!.securitySchemes = { ...merged.components!.securitySchemes, [name]: merged.components!.securitySchemes?.[name] ?? scheme };
    }
  }
  merged.paths = Object.fromEntries(
    Object.entries(merged.paths).map(([path, item]) => [path, withAccess(path, structuredClone(item) as Record<string, unknown>, policies, merged)]),
  );
  return merged;
}

/**
 * Two services may name different schemas alike (orders' and payments' `RefundResponse`): the
 * later one is renamed `<Service><Name>` (e.g. `PaymentsRefundResponse`) with the references to
 * it, so no operation is documented with another service's schema. Identical ones are shared.
 */
function collidingSchemaNames(service: string, doc: OpenAPIObject, merged: OpenAPIObject): Map<string, string> {
  const renames = new Map<string, string>();
  const prefix = service.charAt(0).toUpperCase() + service.slice(1);
  const theirs = doc.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(theirs)) {
    const existing = merged.components?.schemas?.[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) renames.set(name, `${prefix}${name}`);
  }
  // A schema that refers to a renamed one differs once rewritten, so it is renamed too.
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, schema] of Object.entries(theirs)) {
      const existing = merged.components?.schemas?.[name];
      if (renames.has(name) || !existing) continue;
      if (JSON.stringify(existing) !== JSON.stringify(renamed(structuredClone(schema), renames))) {
        renames.set(name, `${prefix}${name}`);
        grew = true;
      }
    }
  }
  return renames;
}

/** `value` with every `$ref` to a renamed schema pointing at its new name (in place). */
function renamed<T>(value: T, renames: Map<string, string>): T {
  if (renames.size === 0 || !value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const target = renames.get(ref.slice('#/components/schemas/'.length));
    if (target) node.$ref = `#/components/schemas/${target}`;
  }
  for (const child of Object.values(node)) renamed(child, renames);
  return value;
}

const isEdgePath = (path: string) => path.startsWith('/api/') || path.startsWith('/.well-known/');

/** A concrete path for a template, so the policy's pattern can be matched (`{id}` → `0`). */
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, '0');

function withAccess(path: string, item: Record<string, unknown>, policies: readonly RoutePolicy[], document: OpenAPIObject): Record<string, unknown> {
  for (const method of METHODS) {
    const given = item[method] as Operation | undefined;
    if (!given) continue;
    // Its own copy: a document may share one operation object between methods.
    const op: Operation = { ...given, responses: { ...given.responses } };
    item[method] = op;
    const access: Access | undefined = isEdgePath(path) ? policyFor(method, concrete(path), policies)?.access : 'public';
    if (!access) {
      delete op.security;
      continue;
    }
    op.security = access === 'public' ? [] : [{ [BEARER]: [] }];
    const error = (description: string) => ({
      description,
      ...(document.components?.schemas?.ErrorResponse ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } } : {}),
    });
    if (access !== 'public') op.responses['401'] ??= error('Missing, invalid or expired access token');
    if (access === 'admin') op.responses['403'] ??= error('Staff only');
    // An order tracking link's token (scope order:<id>) is refused everywhere but its order's own routes.
    else if (isEdgePath(path)) op.responses['403'] ??= error("The bearer token is an order tracking link, valid only on that order's routes");
  }
  return item;
}
