import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OpenAPIObject } from '@nestjs/swagger';
import { OpenApiDocument, OpenApiResponseValidator } from '@galley/testing';
import { policyFor } from '../../apps/gateway/src/routing/route-policy';
import { buildGalleyOpenApi, OPENAPI_JSON_PATH, OPENAPI_REGENERATE_COMMAND, OPENAPI_SCHEMA_PATH, renderOpenApiJson, renderSchemaTypes } from '../../scripts/openapi/galley-openapi';

const ROOT = path.resolve(__dirname, '../..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/** The top-level paths and schemas whose JSON differs, to say what is stale. */
function differences(committed: OpenAPIObject, current: OpenAPIObject): string[] {
  const keys = (a: object = {}, b: object = {}) => [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const paths = keys(committed.paths, current.paths).filter((p) => JSON.stringify(committed.paths?.[p]) !== JSON.stringify(current.paths?.[p]));
  const schemas = keys(committed.components?.schemas, current.components?.schemas).filter(
    (s) => JSON.stringify(committed.components?.schemas?.[s]) !== JSON.stringify(current.components?.schemas?.[s]),
  );
  return [...paths.map((p) => `path ${p}`), ...schemas.map((s) => `schema ${s}`)];
}

describe('The merged OpenAPI document (the web client contract)', () => {
  let document: OpenAPIObject;
  let rendered: string;

  beforeAll(async () => {
    document = await buildGalleyOpenApi();
    rendered = renderOpenApiJson(document);
  });

  it(`is committed as ${OPENAPI_JSON_PATH} as the code documents it`, () => {
    const committed = readFileSync(path.join(ROOT, OPENAPI_JSON_PATH), 'utf8');
    if (committed !== rendered) {
      const stale = differences(JSON.parse(committed) as OpenAPIObject, document);
      const what = stale.length > 8 ? `${stale.slice(0, 8).join(', ')} and ${stale.length - 8} more` : stale.join(', ') || 'formatting';
      throw new Error(`${OPENAPI_JSON_PATH} is stale (${what}): run \`${OPENAPI_REGENERATE_COMMAND}\` and commit it`);
    }
  });

  it(`has its web client types committed as ${OPENAPI_SCHEMA_PATH}`, () => {
    const committed = readFileSync(path.join(ROOT, OPENAPI_SCHEMA_PATH), 'utf8');
    if (committed !== renderSchemaTypes(document, ROOT)) {
      throw new Error(`${OPENAPI_SCHEMA_PATH} is stale or was edited by hand: run \`${OPENAPI_REGENERATE_COMMAND}\` and commit it`);
    }
  });

  it('gives every operation the security the gateway enforces (ROUTE_POLICIES)', () => {
    const problems: string[] = [];
    for (const [template, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const edge = template.startsWith('/api/') || template.startsWith('/.well-known/');
        const access = edge ? policyFor(method, template.replace(/\{[^}]+\}/g, '0'))?.access : 'public';
        if (!access) problems.push(`${method.toUpperCase()} ${template} has no entry in apps/gateway/src/routing/route-policy.ts`);
        else if (JSON.stringify(op.security) !== JSON.stringify(access === 'public' ? [] : [{ bearer: [] }]))
          problems.push(`${method.toUpperCase()} ${template} is ${access} but documents security ${JSON.stringify(op.security)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents a 4XX answer for every operation but the health probes (redocly operation-4xx-response, see redocly.yaml)', () => {
    const missing = Object.entries(document.paths).flatMap(([template, item]) =>
      METHODS.filter((method) => item[method] && !template.startsWith('/health/'))
        .filter((method) => !Object.keys(item[method]!.responses).some((status) => status.startsWith('4')))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(missing).toEqual([]);
  });

  it('has response schemas the e2e response validator (libs/testing) can compile', () => {
    expect(new OpenApiResponseValidator(document as unknown as OpenApiDocument).schemaProblems()).toEqual([]);
  });

  it('passes redocly lint (recommended rules, redocly.yaml) without errors or warnings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'galley-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, rendered);
      const run = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', '--format=json', `--config=${path.join(ROOT, 'redocly.yaml')}`, file],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      );
      const start = run.stdout.indexOf('{');
      if (start < 0) throw new Error(`redocly lint printed no report (exit ${run.status}): ${run.stderr}`);
      const report = JSON.parse(run.stdout.slice(start)) as { problems: LintProblem[] };
      const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
