import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContextOptions, chromium, Page } from 'playwright-core';

/** Debian's chromium (what `npm test` and .ci/run install), unless CHROMIUM_PATH names another. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, quiet and deterministic: no sandbox (containers run as root), no GPU, no background traffic. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** Where `screenshot()` writes: git-ignored, one folder per suite. */
export const SCREENSHOT_DIR = path.join(process.cwd(), '.cache/screenshots');

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium is not at ${executablePath}: run npm test (it installs Debian's chromium as root) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
}

/** A page whose console errors, uncaught exceptions and failed requests are collected for the test to assert on. */
export interface WatchedPage {
  page: Page;
  /**
   * Console errors (CSP violations among them), uncaught exceptions, 5xx answers and requests that
   * failed in the network, in order, with where they came from.
   */
  errors: string[];
  /**
   * 4xx answers as `<status> <method> <path>` (e.g. `401 POST /api/auth/refresh` for a visitor
   * without a session): kept apart from `errors` because an app may expect and handle them; tests
   * say which ones they expect.
   */
  refusedRequests: string[];
  /** Fails listing every error collected so far. */
  expectNoErrors(): void;
  close(): Promise<void>;
}

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const refusedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium's own line for every 4xx/5xx answer: the 'response' listener below records those.
    if (/^Failed to load resource: the server responded with a status of \d{3}/.test(message.text())) return;
    const { url, lineNumber } = message.location();
    errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''} on ${page.url()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message} on ${page.url()}`));
  page.on('response', (response) => {
    const status = response.status();
    if (status < 400) return;
    const { pathname } = new URL(response.url());
    // Chromium asks for /favicon.ico by itself when a page names no icon; that is not the page's request.
    if (pathname === '/favicon.ico') return;
    const line = `${status} ${response.request().method()} ${pathname}`;
    if (status < 500) refusedRequests.push(line);
    else errors.push(`${line} answered on ${page.url()}`);
  });
  page.on('requestfailed', (request) => {
    // Navigating away aborts open streams (SSE) and pending fetches: not an error of the page.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText} on ${page.url()}`);
  });
  return {
    page,
    errors,
    refusedRequests,
    expectNoErrors() {
      if (errors.length > 0) throw new Error(`the page reported ${errors.length} error(s):\n${errors.join('\n')}`);
    },
    close: () => context.close(),
  };
}

const screenshotCounts = new Map<string, number>();

/**
 * A full-page PNG at `.cache/screenshots/<suite>/<nn>-<step>.png`, numbered in the order taken; a
 * suite's folder is emptied at its first screenshot of the run, so it shows only the latest run.
 */
export async function screenshot(page: Page, suite: string, step: string): Promise<string> {
  const dir = path.join(SCREENSHOT_DIR, slug(suite));
  const count = (screenshotCounts.get(suite) ?? 0) + 1;
  if (count === 1) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  screenshotCounts.set(suite, count);
  const file = path.join(dir, `${String(count).padStart(2, '0')}-${slug(step)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * The few browser globals the helpers touch inside page.evaluate. The repository's tsconfig has no
 * DOM library (adding it would retype timers and fetch for the whole Node program), so the code
 * that runs in the page reads them from globalThis through this shape.
 */
interface InPage {
  document: {
    scrollingElement: { scrollWidth: number } | null;
    documentElement: { scrollWidth: number };
    body: { querySelectorAll(selector: string): ArrayLike<{ tagName: string; id: string; className: unknown; getBoundingClientRect(): { right: number } }> };
    getElementById(id: string): { childElementCount: number } | null;
  };
  innerWidth: number;
  requestAnimationFrame(callback: () => void): number;
  axe?: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
}

/** Waits until the app has rendered into #root (whatever the client router chose to show). */
export async function waitForAppRendered(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(() => ((globalThis as unknown as InPage).document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, {
    timeout: timeoutMs,
  });
}

let axeScript: string | undefined;
const axeSource = () => (axeScript ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/**
 * Runs axe-core on the page as it is now and fails listing every serious or critical violation
 * with the elements it found. axe.min.js goes in through the DevTools protocol (page.evaluate),
 * not page.addScriptTag: addScriptTag adds an inline <script>, which the gateway's CSP
 * (script-src 'self') refuses, with a CSP error on the console; the protocol is not governed by
 * CSP, so the page keeps its real policy and no test needs bypassCSP.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as InPage).axe === 'object');
  if (!loaded) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as InPage;
    const result = await axe!.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) throw new Error(`axe found ${serious.length} serious or critical violation(s) on ${page.url()}:\n${serious.map(describeViolation).join('\n')}`);
}

function describeViolation(violation: AxeViolation): string {
  const nodes = violation.nodes.map((node) => `    - ${JSON.stringify(node.target)}: ${node.html}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`;
}

/** The narrowest phone the pages support. */
export const NARROW_VIEWPORT = { width: 360, height: 740 };

/**
 * Fails when the page scrolls sideways at 360 px: resizes the viewport to 360 px wide (and back
 * afterwards), lets layout settle, then compares the document's scroll width with the window's.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const previous = page.viewportSize();
  await page.setViewportSize(NARROW_VIEWPORT);
  try {
    const { scrollWidth, innerWidth, widest } = await page.evaluate(
      () =>
        new Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }>((resolve) => {
          const window = globalThis as unknown as InPage;
          const { document } = window;
          // Two frames: the resize has been laid out and painted.
          window.requestAnimationFrame(() =>
            window.requestAnimationFrame(() => {
              const root = document.scrollingElement ?? document.documentElement;
              const widest = Array.from(document.body.querySelectorAll('*'))
                .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
                .slice(0, 10)
                .map(
                  (element) =>
                    `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`,
                );
              resolve({ scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, widest });
            }),
          );
        }),
    );
    if (scrollWidth > innerWidth) {
      throw new Error(`${page.url()} scrolls sideways at ${innerWidth} px: scrollWidth ${scrollWidth}; wider than the window: ${widest.join(', ') || '(none found)'}`);
    }
  } finally {
    if (previous) await page.setViewportSize(previous);
  }
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'step'
  );
}
