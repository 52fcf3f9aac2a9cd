// Builds the web app (apps/web/dist, served by the gateway) when its sources changed since the
// last build: a hash of apps/web/src, public/, index.html, the Vite and TypeScript configs and
// package.json, kept in .cache/web-build.sha256. Built-ins only; the build itself is the workspace's
// `npm run build` (type check, then vite build).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { step } from './log.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.join(ROOT, 'apps/web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
const STAMP = path.join(ROOT, '.cache/web-build.sha256');
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'];

function filesUnder(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [entry];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((child) => filesUnder(path.join(entry, child.name)));
}

/** The hash of every input's path and content (content, not mtime: a checkout that changes nothing rebuilds nothing). */
export function webSourcesHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(path.join(WEB_DIR, input)))) {
    hash.update(path.relative(WEB_DIR, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const LOCK = path.join(ROOT, '.cache/web-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

/** One build at a time (several `npm test` runs may share the tree): mkdir is atomic. */
function withLock(run) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const since = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (since > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return run();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export function ensureWebBuilt() {
  return withLock(buildIfChanged);
}

function buildIfChanged() {
  const hash = webSourcesHash();
  const built = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  const stamped = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : '';
  if (built && stamped === hash) {
    step('Web app: build is current (apps/web/dist)');
    return;
  }
  const started = Date.now();
  step(`Web app: ${built ? 'sources changed' : 'not built yet'}; building apps/web (npm run build -w apps/web)`);
  const result = spawnSync('npm', ['run', '--silent', 'build', '-w', 'apps/web'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the web app build failed (npm run build -w apps/web); see its output above');
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, `${hash}\n`);
  step(`Web app: built into apps/web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
