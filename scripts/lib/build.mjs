// The one build of Galley's TypeScript, used by `npm run build`, `npm start`, `npm test` (and so
// CI), the CLIs' `scripts/run-ts.mjs` and the Dockerfile: `nest build` with nest-cli.json, i.e. the
// Nest CLI's tsc builder over tsconfig.build.json (every app, lib, script and benchmark, incremental)
// into dist/, plus the assets tsc does not copy (the reviews' sentiment model JSON). `nest build
// <app>` and `nest start <app> --watch` compile the same program with the same options.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NEST_BIN = path.join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js');

/** Runs `nest build`; returns its exit status (0 on success). */
export function runBuild(stdio = 'inherit') {
  const result = spawnSync(process.execPath, [NEST_BIN, 'build'], { cwd: ROOT, stdio });
  return result.status ?? 1;
}
