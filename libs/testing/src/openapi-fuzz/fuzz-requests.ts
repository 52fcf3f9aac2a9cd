import fc from 'fast-check';
import { OpenApiDocument } from '../openapi-response-validator';
import { encodeQueryComponent, handMadeCursor, NASTY_BODIES, NASTY_HEADER_VALUES, NASTY_STRINGS, RAW_URL_COMPONENTS } from './nasty-values';
import { Schema, SchemaArbitraries } from './schema-arbitrary';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

/** One documented operation, with what a request to it may carry. */
export interface FuzzOperation {
  method: string;
  template: string;
  parameters: Parameter[];
  /** The request body's media type and schema, when it takes one. */
  body?: { mediaType: string; schema: Schema; required: boolean };
}

/** A caller's credentials as the request sends them; `role` is what the gateway must conclude from them. */
export interface FuzzCaller {
  name: string;
  /** The Authorization header value, if any. */
  authorization?: string;
  /** The role a correct gateway sees: undefined for anonymous and every invalid token. */
  role?: string;
}

/** A concrete request the fuzzer sends, and what it was meant to be (for the report). */
export interface FuzzRequest {
  operation: string;
  method: string;
  /** Path and query, already encoded. */
  url: string;
  caller: FuzzCaller;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** What kind of input this is: `valid`, or which part is broken. */
  intent: string;
}

/** The operations of the document under the given prefixes (the public API, not the gateway's health routes). */
export function fuzzOperations(document: OpenApiDocument, prefixes: readonly string[] = ['/api/', '/.well-known/']): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    if (!prefixes.some((prefix) => template.startsWith(prefix))) continue;
    for (const method of METHODS) {
      const operation = item[method] as { parameters?: Parameter[]; requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> } } | undefined;
      if (!operation) continue;
      const content = operation.requestBody?.content ?? {};
      const mediaType = Object.keys(content)[0];
      operations.push({
        method: method.toUpperCase(),
        template,
        parameters: operation.parameters ?? [],
        body: mediaType ? { mediaType, schema: content[mediaType].schema ?? {}, required: operation.requestBody?.required ?? false } : undefined,
      });
    }
  }
  return operations;
}

export interface FuzzRequestOptions {
  components: Record<string, Schema>;
  callers: readonly FuzzCaller[];
  /** Ids that exist, by the name that takes them (see SchemaArbitraryOptions); a path's `{id}` is named after the segment before it (`/products/{id}`: `productId`). */
  knownIds?: Readonly<Record<string, readonly string[]>>;
  /**
   * Per operation (`METHOD /template`), properties a valid body always has: keeps a valid request
   * from doing something global to the shared test database (e.g. replaying every dead letter).
   */
  requiredProperties?: Record<string, readonly string[]>;
  /**
   * Per operation, more valid bodies beside the generated ones: those the schema cannot say (an
   * order of a product in stock), so some requests get all the way through.
   */
  validBodies?: Record<string, fc.Arbitrary<unknown>>;
}

/** Characters of URL components the fuzz may send raw: short enough for a request line. */
const URL_STRINGS = NASTY_STRINGS.filter((text) => text.length <= 2000);

/**
 * Requests for one operation: valid ones (path, query, headers and body generated from the
 * document's schemas) and ones broken in a single part (body, a query value, a path parameter, a
 * header, the content type), each from one of the callers.
 */
export function fuzzRequest(operation: FuzzOperation, options: FuzzRequestOptions): fc.Arbitrary<FuzzRequest> {
  const key = `${operation.method} ${operation.template}`;
  const schemas = new SchemaArbitraries({ components: options.components, knownIds: options.knownIds });
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const headerParams = operation.parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() !== 'cookie');

  const validPath = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, schemas.valid(p.schema, idName(operation.template, p.name)).map(String).map(encodeQueryComponent)])),
  );
  const badSegment = fc.oneof(
    fc.constantFrom(...RAW_URL_COMPONENTS),
    fc.constantFrom(...URL_STRINGS).map(encodeQueryComponent),
    fc.string({ maxLength: 20 }).map(encodeQueryComponent),
  );
  const invalidPath = pathParams.length
    ? fc.tuple(validPath, fc.constantFrom(...pathParams.map((p) => p.name)), badSegment).map(([values, name, bad]) => ({ ...values, [name]: bad }))
    : validPath;

  const queryValue = (p: Parameter) => schemas.valid(p.schema, p.name).map((value) => encodeQueryComponent(String(value)));
  // A cursor is opaque, only ever one the service handed out: a valid request leaves it out, an invalid one makes one up.
  const validQuery = fc.record(Object.fromEntries(queryParams.filter((p) => p.name !== 'cursor').map((p) => [p.name, queryValue(p)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
  }) as fc.Arbitrary<Record<string, string>>;
  const badQueryValue = (p: Parameter) =>
    fc.oneof(
      schemas.invalid(p.schema, p.name).map((value) => encodeQueryComponent(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))),
      fc.constantFrom(...RAW_URL_COMPONENTS),
      ...(p.name === 'cursor' ? [handMadeCursor(), handMadeCursor()] : []),
    );
  const invalidQuery = queryParams.length
    ? fc.tuple(validQuery, fc.constantFrom(...queryParams)).chain(([values, p]) => badQueryValue(p).map((bad) => ({ ...values, [p.name]: bad }) as Record<string, string>))
    : fc.constantFrom<Record<string, string>>({ unknown: '1' }, { '\u0000': '%00' }, { cursor: '%ED%A0%80' }, { limit: '-1' });

  const headerValue = (_parameter: Parameter) =>
    fc.oneof(
      fc.uuid({ version: 4 }),
      fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() === text && text.length > 0),
    );
  const validHeaders = fc.record(Object.fromEntries(headerParams.map((p) => [p.name.toLowerCase(), headerValue(p)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
  const invalidHeaders = headerParams.length
    ? fc.tuple(validHeaders, fc.constantFrom(...headerParams), fc.constantFrom(...NASTY_HEADER_VALUES)).map(([values, p, bad]) => ({ ...values, [p.name.toLowerCase()]: bad }))
    : validHeaders;

  const bodySchema = operation.body ? withRequirements(schemas.resolve(operation.body.schema), options.requiredProperties?.[key]) : undefined;
  const extra = options.validBodies?.[key];
  const generated = bodySchema ? schemas.valid(bodySchema) : fc.constant(undefined);
  const validBody = extra ? fc.oneof(generated, extra) : generated;
  const invalidBody = bodySchema ? schemas.invalid(bodySchema) : fc.jsonValue({ maxDepth: 2 });

  const json = operation.body?.mediaType ?? 'application/json';
  const multipart = json.startsWith('multipart/');
  const contentTypes = fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/merge-patch+json',
    '',
  );

  type Parts = { path: Record<string, string>; query: Record<string, string>; headers: Record<string, string>; body: unknown; raw?: string; contentType?: string; intent: string };
  const parts = fc.oneof(
    { weight: 4, arbitrary: fc.record({ path: validPath, query: validQuery, headers: validHeaders, body: validBody }).map((p): Parts => ({ ...p, intent: 'valid' })) },
    {
      weight: bodySchema ? 3 : 0,
      arbitrary: fc.record({ path: validPath, query: validQuery, headers: validHeaders, body: invalidBody }).map((p): Parts => ({ ...p, intent: 'invalid body' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ path: validPath, query: validQuery, headers: validHeaders, raw: fc.constantFrom(...NASTY_BODIES) })
        .map((p): Parts => ({ ...p, body: undefined, intent: 'raw body' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ path: validPath, query: validQuery, headers: validHeaders, body: validBody, contentType: contentTypes })
        .map((p): Parts => ({ ...p, intent: `content-type ${JSON.stringify(p.contentType)}` })),
    },
    {
      weight: pathParams.length ? 2 : 0,
      arbitrary: fc.record({ path: invalidPath, query: validQuery, headers: validHeaders, body: validBody }).map((p): Parts => ({ ...p, intent: 'invalid path parameter' })),
    },
    {
      weight: queryParams.length ? 2 : 1,
      arbitrary: fc.record({ path: validPath, query: invalidQuery, headers: validHeaders, body: validBody }).map((p): Parts => ({ ...p, intent: 'invalid query' })),
    },
    {
      weight: headerParams.length ? 1 : 0,
      arbitrary: fc.record({ path: validPath, query: validQuery, headers: invalidHeaders, body: validBody }).map((p): Parts => ({ ...p, intent: 'invalid header' })),
    },
  );

  return fc.tuple(parts, fc.constantFrom(...options.callers)).map(([p, caller]) => {
    const path = operation.template.replace(/\{([^}]+)\}/g, (_whole, name: string) => p.path[name] ?? 'x');
    const query = Object.entries(p.query)
      .map(([name, value]) => `${encodeQueryComponent(name)}=${value}`)
      .join('&');
    const headers: Record<string, string> = { ...p.headers };
    if (caller.authorization) headers.authorization = caller.authorization;
    let body: string | Uint8Array | undefined;
    if (p.raw !== undefined) {
      body = p.raw;
      headers['content-type'] = multipart ? 'multipart/form-data; boundary=x' : 'application/json';
    } else if (p.body !== undefined && operation.method !== 'GET') {
      body = multipart ? multipartBody(p.body) : JSON.stringify(p.body);
      headers['content-type'] = multipart ? `multipart/form-data; boundary=${BOUNDARY}` : 'application/json';
    }
    if (p.contentType !== undefined) {
      if (p.contentType) headers['content-type'] = p.contentType;
      else delete headers['content-type'];
    }
    if (operation.method === 'GET' || operation.method === 'DELETE') {
      body = undefined;
      delete headers['content-type'];
    }
    return { operation: `${operation.method} ${operation.template}`, method: operation.method, url: query ? `${path}?${query}` : path, caller, headers, body, intent: p.intent };
  });
}

/** `/api/products/{id}` → `productId`; other parameter names as they are. */
function idName(template: string, name: string): string {
  if (name !== 'id') return name;
  const before = /\/([a-z]+)\/\{id\}/.exec(template)?.[1];
  if (!before) return name;
  const singular = before.endsWith('ies') ? `${before.slice(0, -3)}y` : before.endsWith('sses') ? before.slice(0, -2) : before.replace(/s$/, '');
  return `${singular}Id`;
}

const BOUNDARY = 'galley-fuzz-boundary';

/** A multipart/form-data body with each property as a part (bytes as a file part). */
function multipartBody(value: unknown): Uint8Array {
  const chunks: Buffer[] = [];
  for (const [name, field] of Object.entries(isObject(value) ? value : { value })) {
    const file = field instanceof Uint8Array;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="fuzz.png"\r\nContent-Type: image/png' : ''}\r\n\r\n`));
    chunks.push(file ? Buffer.from(field) : Buffer.from(typeof field === 'string' ? field : (JSON.stringify(field) ?? '')));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

function withRequirements(schema: Schema, required: readonly string[] | undefined): Schema {
  if (!required?.length) return schema;
  return { ...schema, required: [...new Set([...((schema.required as string[] | undefined) ?? []), ...required])] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** The request as one line of a report: method, URL, caller, headers and (the start of) the body. */
export function describeRequest(request: FuzzRequest): string {
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'authorization')
    .map(([name, value]) => `${name}: ${value.length > 80 ? `${value.slice(0, 80)}… (${value.length} chars)` : value}`);
  const body = request.body === undefined ? '' : typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('latin1');
  const shownBody = body.length > 300 ? `${JSON.stringify(body.slice(0, 300))}… (${body.length} chars)` : JSON.stringify(body);
  const url = request.url.length > 300 ? `${request.url.slice(0, 300)}… (${request.url.length} chars)` : request.url;
  return `${request.method} ${url} as ${request.caller.name} [${request.intent}]${headers.length ? ` {${headers.join('; ')}}` : ''}${request.body !== undefined ? ` body ${shownBody}` : ''}`;
}
