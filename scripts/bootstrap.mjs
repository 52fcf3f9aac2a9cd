// The first step of `npm start` and `npm test` on a fresh machine, with Node built-ins only: the
// entry scripts import this before anything from node_modules (their other imports are dynamic).
// It runs `npm ci` when node_modules is missing, incomplete or older than package-lock.json, and
// costs a couple of stat calls when it is current. `ensureChromium` does the same for the browser
// the browser tests drive (Debian's chromium package).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumDecision, dependenciesDecision } from './lib/bootstrap-decision.cjs';
import { step } from './lib/log.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The same flags and retries as .ci/run: the registry sometimes stalls a single request.
const NPM_CI = [
  'ci',
  '--no-audit',
  '--no-fund',
  '--loglevel=error',
  '--fetch-retries=5',
  '--fetch-retry-mintimeout=5000',
  '--fetch-retry-maxtimeout=60000',
  '--fetch-timeout=120000',
];
const ATTEMPTS = 3;
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const mtimeOf = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

export function ensureDependencies() {
  const decision = dependenciesDecision({
    lockMtimeMs: mtimeOf(path.join(ROOT, 'package-lock.json')),
    markerMtimeMs: mtimeOf(path.join(ROOT, 'node_modules/.package-lock.json')),
  });
  if (!decision.install) return;
  const started = Date.now();
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    step(`Dependencies: ${decision.reason}; npm ci (attempt ${attempt} of ${ATTEMPTS})`);
    const result = spawnSync('npm', NPM_CI, { cwd: ROOT, stdio: 'inherit' });
    if (result.status === 0) {
      step(`Dependencies: installed by npm ci in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
    if (attempt < ATTEMPTS) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, attempt * 10_000);
  }
  throw new Error(`npm ci failed ${ATTEMPTS} times; see its output above`);
}

/** Where the browser tests find Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** Installs Debian's chromium when it is missing and we may (root with apt-get); otherwise says what to install. */
export function ensureChromium() {
  const executable = chromiumPath();
  const decision = chromiumDecision({
    present: fs.existsSync(executable),
    root: typeof process.getuid === 'function' && process.getuid() === 0,
    apt: fs.existsSync('/usr/bin/apt-get'),
  });
  if (decision === 'present') return;
  if (decision === 'advise') {
    step(`Chromium: ${executable} is missing; the browser tests will fail. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
    return;
  }
  const started = Date.now();
  step("Chromium: missing; installing Debian's chromium package (apt-get)");
  const result = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
  if (result.status !== 0 || !fs.existsSync(executable)) throw new Error('installing chromium with apt-get failed; see its output above');
  step(`Chromium: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function bootstrap({ chromium = false } = {}) {
  ensureDependencies();
  if (chromium) ensureChromium();
}
