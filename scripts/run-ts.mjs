// Runs one TypeScript entry point of the repo (a CLI or a benchmark) from its compiled form:
// builds first with the one build (scripts/lib/build.mjs: incremental, fast when nothing changed),
// then runs dist/<entry>.js.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild } from './lib/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <path/to/file.ts> [args...]');
  process.exit(2);
}
const built = runBuild();
if (built !== 0) process.exit(built);
const compiled = path.join(root, 'dist', entry.replace(/\.ts$/, '.js'));
const run = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/register-paths.cjs'), compiled, ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
