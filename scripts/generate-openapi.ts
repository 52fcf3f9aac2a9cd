// Writes the web client's contract: `npm run docs:openapi`, run from the repo root. It builds the
// gateway's merged OpenAPI document offline (no database or broker; see openapi/galley-openapi.ts)
// into apps/web/src/api/openapi.json, and its TypeScript types into apps/web/src/api/schema.d.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliFailure, readCliArguments } from '@galley/config';
import { buildGalleyOpenApi, OPENAPI_JSON_PATH, OPENAPI_SCHEMA_PATH, renderOpenApiJson, renderSchemaTypes } from './openapi/galley-openapi';

function writeIfChanged(root: string, file: string, content: string): void {
  const target = path.join(root, file);
  if (existsSync(target) && readFileSync(target, 'utf8') === content) {
    console.log(`${file} is up to date`);
    return;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`wrote ${file}`);
}

const USAGE = `usage: npm run docs:openapi
  Builds the gateway's merged OpenAPI document offline into apps/web/src/api/openapi.json and its
  types into apps/web/src/api/schema.d.ts (a unit test fails when either is stale).
  -h, --help   this text`;

async function main(): Promise<void> {
  if (!readCliArguments(process.argv.slice(2), { usage: USAGE, options: {} })) return;
  const root = process.cwd();
  if (!existsSync(path.join(root, 'apps', 'web'))) {
    console.error(`docs:openapi: run it from the repo root (no apps/web under ${root})`);
    process.exit(2);
  }
  const document = await buildGalleyOpenApi();
  writeIfChanged(root, OPENAPI_JSON_PATH, renderOpenApiJson(document));
  writeIfChanged(root, OPENAPI_SCHEMA_PATH, renderSchemaTypes(document, root));
  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
  console.log(`${Object.keys(document.paths).length} paths, ${operations} operations`);
}

main().catch((error: unknown) => {
  const failure = cliFailure('docs:openapi', error);
  console.error(failure.code === 2 ? failure.message : error);
  process.exit(failure.code);
});
