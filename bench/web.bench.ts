// npm run bench:web — the web app's two budgets, in one run:
//   1. the gzipped JavaScript the first page loads (index.html's entry script, its modulepreloads
//      and everything they import statically; lazy chunks are not counted): budget 200 KB;
//   2. navigation → the menu is interactive (the first product card's "Add <product>" button is
//      enabled) in Chromium, cold cache (a new context per visit), against the six apps with the
//      demo catalog: median of BENCH_RUNS (default 7) after a discarded warm-up, budget 1 s; the
//      same warm (one context) beside it, and where the time goes (phases, each API request).
// Prints the tables with the load average, appends them to bench/results/web.md and exits
// non-zero when a budget is missed.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, openPage, RunningSystem } from '@galley/testing';
import { DEMO_MENU } from '../apps/inventory/src/domain/demo-menu';

const JS_BUDGET_BYTES = 200 * 1024;
const INTERACTIVE_BUDGET_MS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE = process.env.BENCH_WEB_PATH ?? '/';
const WEB_DIR = path.join(process.cwd(), 'apps/web');
const DIST = path.join(WEB_DIR, 'dist');
const ADD_BUTTON = 'button[aria-label^="Add "]';
/** The products DEMO_CATALOG loads into an empty catalog. */
const DEMO_CATALOG_PRODUCTS = DEMO_MENU.reduce((sum, category) => sum + category.dishes.length, 0);

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

/**
 * Runs in every document before the app's scripts (through the DevTools protocol, so the page's
 * CSP does not apply): notes, against the page's timeOrigin, when the app first rendered, when the
 * first "Add …" button appeared and when one was enabled, and the main thread's long tasks.
 */
const PHASE_RECORDER = `(() => {
  const marks = {};
  const longTasks = [];
  window.__benchMarks = marks;
  window.__benchLongTasks = longTasks;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const note = () => {
    const now = performance.now();
    const root = document.getElementById('root');
    if (marks.appRendered === undefined && root && root.childElementCount > 0) marks.appRendered = now;
    const buttons = document.querySelectorAll(${JSON.stringify(ADD_BUTTON)});
    if (marks.menuRendered === undefined && buttons.length > 0) marks.menuRendered = now;
    if (marks.firstEnabled === undefined && [...buttons].some((b) => !b.disabled)) marks.firstEnabled = now;
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
})();`;

/** One visit, in milliseconds from navigation start (the page's timeOrigin). */
interface Visit {
  /** The first "Add …" button enabled, seen at an animation frame: the figure the budget is about. */
  interactive: number;
  phases: Record<string, number | undefined>;
  /** Per request of interest: start, time to first byte (the server's share), end, bytes over the wire. */
  requests: Record<string, { start: number; wait: number; end: number; bytes: number } | undefined>;
  longTaskMs: number;
}

/** What the page loaded, from its resource timing, keyed by a short name (`api /api/products`, `js index`, ...). */
interface InPageEntries {
  navigation: { responseStart: number; responseEnd: number; domInteractive: number } | undefined;
  resources: Array<{ name: string; startTime: number; requestStart: number; responseStart: number; responseEnd: number; transferSize: number }>;
  marks: Record<string, number>;
  longTasks: Array<[number, number]>;
}

async function visit(page: Page, url: string): Promise<Visit> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (selector) => {
      const inPage = globalThis as unknown as { document: { querySelector(s: string): { disabled: boolean } | null }; performance: { now(): number } };
      const button = inPage.document.querySelector(selector);
      return button && !button.disabled ? inPage.performance.now() : false;
    },
    ADD_BUTTON,
    { polling: 'raf', timeout: 30_000 },
  );
  const interactive = (await handle.jsonValue()) as number;
  const entries = await page.evaluate((): InPageEntries => {
    type Timing = { name: string; startTime: number; requestStart: number; responseStart: number; responseEnd: number; transferSize: number; domInteractive: number };
    const inPage = globalThis as unknown as {
      performance: { getEntriesByType(type: string): Timing[] };
      __benchMarks: Record<string, number>;
      __benchLongTasks: Array<[number, number]>;
    };
    const [navigation] = inPage.performance.getEntriesByType('navigation');
    return {
      navigation: navigation && { responseStart: navigation.responseStart, responseEnd: navigation.responseEnd, domInteractive: navigation.domInteractive },
      resources: inPage.performance.getEntriesByType('resource').map(({ name, startTime, requestStart, responseStart, responseEnd, transferSize }) => ({
        name,
        startTime,
        requestStart,
        responseStart,
        responseEnd,
        transferSize,
      })),
      marks: { ...inPage.__benchMarks },
      longTasks: [...inPage.__benchLongTasks],
    };
  });
  const requests: Visit['requests'] = {};
  for (const resource of entries.resources) {
    const key = requestKeyOf(resource.name);
    if (!key || requests[key]) continue;
    requests[key] = {
      start: resource.startTime,
      wait: resource.responseStart - resource.requestStart,
      end: resource.responseEnd,
      bytes: resource.transferSize,
    };
  }
  const apiStarts = Object.entries(requests)
    .filter(([key]) => key.startsWith('api '))
    .map(([, r]) => r!.start);
  return {
    interactive,
    phases: {
      'HTML received': entries.navigation?.responseEnd,
      'first-load JS and CSS received': Math.max(
        ...Object.entries(requests)
          .filter(([key]) => key.startsWith('asset '))
          .map(([, r]) => r!.end),
      ),
      'app rendered (first React commit)': entries.marks.appRendered,
      'first API request sent': apiStarts.length ? Math.min(...apiStarts) : undefined,
      'menu rendered (first Add button)': entries.marks.menuRendered,
      'first Add button enabled': entries.marks.firstEnabled,
    },
    requests,
    longTaskMs: entries.longTasks.filter(([start]) => start < interactive).reduce((sum, [, duration]) => sum + duration, 0),
  };
}

/** `asset index-….js`, `api /api/products`, …; pictures and anything else are not on the path to the button. */
function requestKeyOf(url: string): string | undefined {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/api/images/')) return undefined;
  if (pathname.startsWith('/api/')) return `api ${pathname}`;
  if (/^\/assets\/[^/]+\.(js|css)$/.test(pathname)) return `asset ${pathname.replace(/^\/assets\//, '').replace(/-[\w-]{8}\./, '.')}`;
  return undefined;
}

/**
 * Cold: every visit in a new context (empty HTTP cache, no storage), like a customer's first
 * visit. Warm: visits in one context after a first one (scripts cached, as on a return visit).
 * One warm-up visit before each is discarded: the services' first queries are not the page's cost.
 */
async function measureVisits(system: RunningSystem): Promise<{ cold: Visit[]; warm: Visit[] }> {
  const browser = await launchChromium();
  const url = `${system.gatewayUrl}${PAGE}`;
  const cold: Visit[] = [];
  const warm: Visit[] = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      const watched = await openPage(browser);
      try {
        await watched.page.addInitScript(PHASE_RECORDER);
        const result = await visit(watched.page, url);
        watched.expectNoErrors();
        if (run > 0) cold.push(result);
        console.log(`  cold ${run === 0 ? 'warm-up' : `run ${run}`}: ${result.interactive.toFixed(0)} ms`);
      } finally {
        await watched.close();
      }
    }
    const watched = await openPage(browser);
    try {
      await watched.page.addInitScript(PHASE_RECORDER);
      for (let run = 0; run <= RUNS; run++) {
        const result = await visit(watched.page, url);
        watched.expectNoErrors();
        if (run > 0) warm.push(result);
        console.log(`  warm ${run === 0 ? 'warm-up' : `run ${run}`}: ${result.interactive.toFixed(0)} ms`);
      }
    } finally {
      await watched.close();
    }
  } finally {
    await browser.close();
  }
  return { cold, warm };
}

/** Live products the menu draws from (the first page of /api/products, up to 100, is what / shows). */
async function liveProductCount(system: RunningSystem): Promise<string> {
  const response = await fetch(`${system.gatewayUrl}/api/products?limit=100`);
  const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
  return body.nextCursor ? `more than ${body.items.length}` : String(body.items.length);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(0)} ms`);
const medianOf = (visits: Visit[], pick: (visit: Visit) => number | undefined) => {
  const values = visits.map(pick).filter((value): value is number => value !== undefined && Number.isFinite(value));
  return values.length ? median(values) : undefined;
};
const load = () => os.loadavg()[0].toFixed(1);

/** Median of each phase and of each request, cold beside warm. */
function phaseTables(cold: Visit[], warm: Visit[]): string[] {
  const phases = Object.keys(cold[0]?.phases ?? {});
  const requests = [...new Set(cold.flatMap((visit) => Object.keys(visit.requests)))].sort();
  return [
    '| phase (median, ms after navigation start) | cold | warm |',
    '|---|---:|---:|',
    ...phases.map((phase) => `| ${phase} | ${ms(medianOf(cold, (v) => v.phases[phase]))} | ${ms(medianOf(warm, (v) => v.phases[phase]))} |`),
    `| **first Add button enabled, at a frame** | **${ms(medianOf(cold, (v) => v.interactive))}** | **${ms(medianOf(warm, (v) => v.interactive))}** |`,
    `| main-thread long tasks before it (sum) | ${ms(medianOf(cold, (v) => v.longTaskMs))} | ${ms(medianOf(warm, (v) => v.longTaskMs))} |`,
    '',
    '| request (cold, median) | sent | server wait (TTFB) | done | bytes |',
    '|---|---:|---:|---:|---:|',
    ...requests.map((key) => {
      const of = (pick: (r: NonNullable<Visit['requests'][string]>) => number) => medianOf(cold, (v) => (v.requests[key] ? pick(v.requests[key]!) : undefined));
      const bytes = of((r) => r.bytes);
      return `| ${key} | ${ms(of((r) => r.start))} | ${ms(of((r) => r.wait))} | ${ms(of((r) => r.end))} | ${bytes === undefined ? '–' : kb(bytes)} |`;
    }),
  ];
}

async function main(): Promise<void> {
  buildWebApp();
  const chunks = firstLoadChunks();
  const gzipTotal = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const rawTotal = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);

  console.log('web benchmark: starting the six apps (demo catalog) against the test database and broker...');
  // npm run bench:web gives the bench a database of its own (only the demo catalog in it) and
  // topics of their own (KAFKA_TOPIC_PREFIX, which RunningSystem clears unless told per app).
  const topicPrefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const everyApp = { KAFKA_TOPIC_PREFIX: topicPrefix };
  const system = await RunningSystem.start({
    env: { LOG_LEVEL: 'warn' },
    appEnv: { users: everyApp, inventory: { ...everyApp, DEMO_CATALOG: 'true' }, orders: everyApp, payments: everyApp, reviews: everyApp, gateway: everyApp },
  });
  const catalog = await liveProductCount(system);
  let visits: { cold: Visit[]; warm: Visit[] };
  // The load average says whether the machine was quiet: the timing budget means little on a busy one.
  const loadBefore = load();
  try {
    visits = await measureVisits(system);
  } finally {
    await system.stopAll();
  }
  const loadAfter = load();
  const cold = visits.cold.map((visit) => visit.interactive);
  const warm = visits.warm.map((visit) => visit.interactive);
  const interactive = median(cold);
  const jsMet = gzipTotal <= JS_BUDGET_BYTES;
  const interactiveMet = interactive <= INTERACTIVE_BUDGET_MS;
  const figures = (times: number[]) => `median ${median(times).toFixed(0)} ms of ${times.length} (${times.map((t) => t.toFixed(0)).join(', ')} ms)`;

  const report = [
    `## ${new Date().toISOString()} — ${os.cpus().length} cores (load ${loadBefore} before, ${loadAfter} after the visits), Node ${process.version}, ${(await chromiumVersion()) ?? 'Chromium'}`,
    '',
    '| first-load chunk | bytes | gzip |',
    '|---|---:|---:|',
    ...chunks.map((chunk) => `| ${chunk.file} | ${kb(chunk.bytes)} | ${kb(chunk.gzipBytes)} |`),
    `| **total** | ${kb(rawTotal)} | ${kb(gzipTotal)} |`,
    '',
    `- catalog: ${catalog} live products in ${process.env.GALLEY_TEST_DB_NAME ?? 'galley_test'}${catalog === String(DEMO_CATALOG_PRODUCTS) ? ' (the demo catalog)' : ` (NOT the demo catalog of ${DEMO_CATALOG_PRODUCTS}: the figures are not comparable)`}`,
    `- first-load JavaScript: ${kb(gzipTotal)} gzipped (budget ${kb(JS_BUDGET_BYTES)}): ${jsMet ? 'met' : 'NOT met'}`,
    `- navigation → first "Add …" button enabled on ${PAGE}, cold cache (a new context per visit, warm-up discarded): ${figures(cold)}; budget ${INTERACTIVE_BUDGET_MS} ms at load ${loadBefore}–${loadAfter}: ${interactiveMet ? 'met' : 'NOT met'}`,
    `- the same, warm (one context, scripts cached, warm-up discarded): ${figures(warm)}`,
    '',
    ...phaseTables(visits.cold, visits.warm),
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
