import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document the validator reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

interface DocumentedResponse {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}

interface Operation {
  responses?: Record<string, DocumentedResponse>;
}

/** What came back for one request, as the validator checks it. */
export interface ObservedResponse {
  method: string;
  /** The request path, with or without a query string. */
  path: string;
  status: number;
  contentType: string | null;
  /** The parsed JSON body, the text when it is not JSON, or undefined when empty. */
  body: unknown;
}

/** Formats OpenAPI defines on top of JSON Schema's; they constrain nothing a JSON value can break. */
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

/**
 * Checks answers of the API against the merged OpenAPI document: the operation (method and path
 * template) must be documented, the status must be one of its responses (exact, `4XX` or
 * `default`), and a JSON body must match that response's schema, with no undocumented property
 * (the web client is generated from the document, so a field it does not know is a contract bug).
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly templates: { template: string; pattern: RegExp; params: number }[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
    addFormats(this.ajv);
    for (const format of OPENAPI_FORMATS) this.ajv.addFormat(format, true);
    const components = normalized(structuredClone(document.components ?? {}));
    this.ajv.addSchema({ $id: 'openapi', components }, 'openapi');
    this.templates = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // A literal path wins over a template (`/api/admin/orders/stream` before `/api/admin/orders/{id}`).
      .sort((a, b) => a.params - b.params || b.template.length - a.template.length);
  }

  /** The problems with an answer, empty when it is as documented. */
  problems(observed: ObservedResponse): string[] {
    const method = observed.method.toLowerCase();
    const bare = observed.path.split('?', 1)[0];
    const match = this.templates.find(({ template, pattern }) => pattern.test(bare) && this.document.paths[template][method]);
    if (!match) return [`${observed.method.toUpperCase()} ${bare} is not a documented operation`];
    const operation = this.document.paths[match.template][method] as Operation;
    const where = `${observed.method.toUpperCase()} ${match.template}`;
    const responses = operation.responses ?? {};
    const key = [String(observed.status), `${String(observed.status)[0]}XX`, 'default'].find((k) => responses[k]);
    if (!key) return [`${where} answered ${observed.status}, which is not documented (documented: ${Object.keys(responses).join(', ')})`];
    const documented = responses[key];
    const isJson = observed.contentType?.includes('json') ?? false;
    if (observed.body === undefined || observed.body === '') return [];
    const media = Object.keys(documented.content ?? {});
    if (!isJson) {
      const type = observed.contentType?.split(';', 1)[0].trim() ?? '';
      return media.includes(type) || media.some((m) => m.endsWith('/*'))
        ? []
        : [`${where} ${observed.status} answered ${type || 'a body without content-type'}, documented: ${media.join(', ') || 'no body'}`];
    }
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) return [`${where} ${observed.status} answered a JSON body, but the document gives it no application/json schema`];
    const validate = this.validatorFor(`${method} ${match.template} ${key}`, schema);
    if (validate(observed.body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${where} ${observed.status}: body${error.instancePath || ''} ${error.message}${error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})` : ''}`,
    );
  }

  /** Compiles every JSON response schema of the document; the ones that cannot be compiled, named. */
  schemaProblems(): string[] {
    const problems: string[] = [];
    for (const [template, item] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries((operation as Operation).responses ?? {})) {
          const schema = response.content?.['application/json']?.schema;
          if (!schema) continue;
          try {
            this.validatorFor(`${method} ${template} ${status}`, schema);
          } catch (error) {
            problems.push(`${method.toUpperCase()} ${template} ${status}: ${(error as Error).message}`);
          }
        }
      }
    }
    return problems;
  }

  /** Throws, naming every problem and the body, when the answer is not as documented. */
  assert(observed: ObservedResponse): void {
    const problems = this.problems(observed);
    if (problems.length === 0) return;
    const body = typeof observed.body === 'string' ? observed.body : JSON.stringify(observed.body);
    throw new Error(
      `The answer does not match the OpenAPI document:\n  ${problems.join('\n  ')}\nbody: ${body?.slice(0, 1000)}\n` +
        '(fix the document or the API; GALLEY_VALIDATE_RESPONSES=0 turns this check off)',
    );
  }

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toAjvRefs(normalized(structuredClone(schema))) as object);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** OpenAPI 3.0 schemas as JSON Schema: `nullable` as a null type, closed objects. */
function normalized<T>(node: T): T {
  return closed(nullables(node));
}

/** `nullable: true` (OpenAPI 3.0) as JSON Schema's null type. */
function nullables<T>(node: T): T {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    node.forEach(nullables);
    return node;
  }
  const schema = node as Record<string, unknown>;
  Object.values(schema).forEach(nullables);
  if (schema.nullable === true) {
    const { nullable: _nullable, ...rest } = schema;
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [rest, { type: 'null' }];
  }
  return node;
}

/** Object schemas that list their properties allow no others (unless they say otherwise). */
function closed<T>(node: T, inComposition = false): T {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    node.forEach((item) => closed(item, inComposition));
    return node;
  }
  const schema = node as Record<string, unknown>;
  if (schema.properties && typeof schema.properties === 'object' && schema.additionalProperties === undefined && !inComposition) {
    schema.additionalProperties = false;
  }
  for (const [keyword, value] of Object.entries(schema)) {
    // allOf parts each see only their own properties: closing them would reject the others'.
    closed(value, keyword === 'allOf' || (inComposition && keyword !== 'properties' && keyword !== 'items'));
  }
  return node;
}

/** `#/components/...` references point into the document registered as `openapi`. */
function toAjvRefs<T>(node: T): T {
  if (!node || typeof node !== 'object') return node;
  const schema = node as Record<string, unknown>;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/')) schema.$ref = `openapi${schema.$ref}`;
  Object.values(schema).forEach(toAjvRefs);
  return node;
}

/** A validator for the document the gateway at `baseUrl` serves (GET /docs-json). */
export async function fetchResponseValidator(baseUrl: string): Promise<OpenApiResponseValidator> {
  const res = await fetch(`${baseUrl}/docs-json`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${baseUrl}/docs-json answered ${res.status}: cannot check answers against the OpenAPI document`);
  return new OpenApiResponseValidator((await res.json()) as OpenApiDocument);
}
