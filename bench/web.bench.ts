// npm run bench:web — the web app's two budgets, in one run:
//   1. the gzipped JavaScript the first page loads (index.html's entry script, its modulepreloads
//      and everything they import statically; lazy chunks are not counted): budget 200 KB;
//   2. navigation → the menu is interactive (the first product card's "Add <product>" button is
//      enabled) in Chromium, cold cache, against the six apps with the demo catalog: median of 5,
//      budget 1 s.
// Prints a table, appends it to bench/results/web.md and exits non-zero when a budget is missed.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchChromium, openPage, RunningSystem } from '@galley/testing';

const JS_BUDGET_BYTES = 200 * 1024;
const INTERACTIVE_BUDGET_MS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGE = process.env.BENCH_WEB_PATH ?? '/';
const WEB_DIR = path.join(process.cwd(), 'apps/web');
const DIST = path.join(WEB_DIR, 'dist');
const ADD_BUTTON = 'button[aria-label^="Add "]';

interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The assets index.html loads up front: its module scripts and modulepreload links. */
export function entryScriptsOf(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g)].map((match) => match[1]);
  const preloads = [...html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)].map((match) => match[1]);
  return [...new Set([...scripts, ...preloads])];
}

/** The static imports of an ES module (`import … from "x"`, `import "x"`, `export … from "x"`), never `import("x")`. */
export function staticImportsOf(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g)].map((match) => match[1]);
  return [...new Set(specifiers)];
}

/** Every chunk the first page loads: the entry scripts and, transitively, what they import statically. */
function firstLoadChunks(): ChunkSize[] {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const seen = new Map<string, ChunkSize>();
  const visit = (file: string) => {
    if (seen.has(file) || !file.endsWith('.js')) return;
    const source = fs.readFileSync(file);
    seen.set(file, { file: path.relative(DIST, file), bytes: source.length, gzipBytes: zlib.gzipSync(source, { level: 9 }).length });
    for (const specifier of staticImportsOf(source.toString('utf8'))) {
      if (/^[./]/.test(specifier)) visit(specifier.startsWith('/') ? path.join(DIST, specifier) : path.resolve(path.dirname(file), specifier));
    }
  };
  for (const src of entryScriptsOf(html)) visit(path.join(DIST, new URL(src, 'http://galley.invalid/').pathname));
  return [...seen.values()];
}

function buildWebApp(): void {
  // Vite alone: the bundle is what is measured (the type check is npm test's and npm start's job).
  console.log('web benchmark: building apps/web (vite build)...');
  const result = spawnSync(process.execPath, [path.join(process.cwd(), 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: WEB_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

/** Milliseconds from navigation start (the page's timeOrigin) until the first product's add button is enabled. */
async function timeToInteractiveMenu(system: RunningSystem): Promise<number[]> {
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    // One warm-up visit: the services' first queries and the gateway's caches are not the page's cost.
    for (let run = 0; run <= RUNS; run++) {
      // A new context per visit: empty HTTP cache, like a first visit.
      const watched = await openPage(browser);
      try {
        await watched.page.goto(`${system.gatewayUrl}${PAGE}`, { waitUntil: 'commit' });
        const handle = await watched.page.waitForFunction(
          (selector) => {
            const page = globalThis as unknown as { document: { querySelector(s: string): { disabled: boolean } | null }; performance: { now(): number } };
            const button = page.document.querySelector(selector);
            return button && !button.disabled ? page.performance.now() : false;
          },
          ADD_BUTTON,
          { polling: 'raf', timeout: 30_000 },
        );
        const ms = (await handle.jsonValue()) as number;
        watched.expectNoErrors();
        if (run > 0) times.push(ms);
        console.log(`  ${run === 0 ? 'warm-up' : `run ${run}`}: ${ms.toFixed(0)} ms`);
      } finally {
        await watched.close();
      }
    }
  } finally {
    await browser.close();
  }
  return times;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  buildWebApp();
  const chunks = firstLoadChunks();
  const gzipTotal = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const rawTotal = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);

  console.log('web benchmark: starting the six apps (demo catalog) against the test database and broker...');
  const system = await RunningSystem.start({ env: { LOG_LEVEL: 'warn' }, appEnv: { inventory: { DEMO_CATALOG: 'true' } } });
  let times: number[];
  try {
    times = await timeToInteractiveMenu(system);
  } finally {
    await system.stopAll();
  }
  const interactive = median(times);
  const jsMet = gzipTotal <= JS_BUDGET_BYTES;
  const interactiveMet = interactive <= INTERACTIVE_BUDGET_MS;

  const report = [
    // The load average says whether the machine was quiet: the timing budget means little on a busy one.
    `## ${new Date().toISOString()} — ${os.cpus().length} cores (load ${os.loadavg()[0].toFixed(1)}), Node ${process.version}, ${(await chromiumVersion()) ?? 'Chromium'}`,
    '',
    '| first-load chunk | bytes | gzip |',
    '|---|---:|---:|',
    ...chunks.map((chunk) => `| ${chunk.file} | ${kb(chunk.bytes)} | ${kb(chunk.gzipBytes)} |`),
    `| **total** | ${kb(rawTotal)} | ${kb(gzipTotal)} |`,
    '',
    `- first-load JavaScript: ${kb(gzipTotal)} gzipped (budget ${kb(JS_BUDGET_BYTES)}): ${jsMet ? 'met' : 'NOT met'}`,
    `- navigation → first "Add …" button enabled on ${PAGE}, cold cache: median ${interactive.toFixed(0)} ms of ${times.length} (${times.map((t) => t.toFixed(0)).join(', ')} ms; budget ${INTERACTIVE_BUDGET_MS} ms): ${interactiveMet ? 'met' : 'NOT met'}`,
    '',
  ].join('\n');
  console.log(`\n${report}`);
  const file = path.join(process.cwd(), 'bench/results/web.md');
  if (!fs.existsSync(file)) fs.writeFileSync(file, '# Web app budget results\n\nRerun with `npm run bench:web`.\n\n');
  fs.appendFileSync(file, `${report}\n`);
  console.log(`appended to ${path.relative(process.cwd(), file)}`);
  if (!jsMet || !interactiveMet) process.exit(1);
}

async function chromiumVersion(): Promise<string | undefined> {
  const browser = await launchChromium().catch(() => undefined);
  if (!browser) return undefined;
  try {
    return `Chromium ${browser.version()}`;
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
