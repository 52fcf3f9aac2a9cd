import { Browser, Response } from 'playwright-core';
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  launchChromium,
  openPage,
  RunningSystem,
  screenshot,
  waitForAppRendered,
  WatchedPage,
} from '@galley/testing';

const SUITE = 'smoke';
/** A visitor without a session: the app's silent refresh is refused, and the app handles it. */
const ANONYMOUS_REFUSALS = ['401 POST /api/auth/refresh'];

function expectCleanPage(watched: WatchedPage): void {
  watched.expectNoErrors();
  expect(watched.refusedRequests.filter((line) => !ANONYMOUS_REFUSALS.includes(line))).toEqual([]);
}

/** The app has rendered into #root (whatever the page shows: the client router decided). */
async function appRendered(watched: WatchedPage): Promise<void> {
  await waitForAppRendered(watched.page);
  // The first API answers have arrived; open streams (SSE) keep the network busy, so idle is not required.
  await watched.page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => undefined);
}

describe('The web app in Chromium (smoke)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    [system, browser] = await Promise.all([RunningSystem.start(), launchChromium()]);
  });

  beforeEach(async () => {
    watched = await openPage(browser);
  });

  afterEach(async () => {
    await watched?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stopAll();
  });

  it('serves / as the app under a strict Content-Security-Policy, revalidated on every load, with no console or page errors', async () => {
    const response = (await watched.page.goto(`${system.gatewayUrl}/`))!;
    await appRendered(watched);
    await screenshot(watched.page, SUITE, 'storefront');

    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = headers['content-security-policy'];
    expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )script-src 'self'(;| )/);
    expect(csp).toMatch(/(^|; )style-src 'self' 'nonce-[^']+'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(await watched.page.title()).not.toBe('');
    expectCleanPage(watched);
  });

  it('loads the hashed JavaScript and CSS from /assets as immutable for a year', async () => {
    const assets: Response[] = [];
    watched.page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push(response);
    });
    await watched.page.goto(`${system.gatewayUrl}/`);
    await appRendered(watched);

    const kinds = assets.map((response) => response.headers()['content-type']);
    expect(kinds).toEqual(expect.arrayContaining(['text/javascript; charset=utf-8', 'text/css; charset=utf-8']));
    for (const response of assets) {
      expect({ url: response.url(), status: response.status(), cache: response.headers()['cache-control'] }).toEqual({
        url: response.url(),
        status: 200,
        cache: 'public, max-age=31536000, immutable',
      });
    }
    const missing = await fetch(`${system.gatewayUrl}/assets/index-missing.js`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it.each([
    ['the staff dashboard', '/admin'],
    ['a deep dashboard route', '/admin/orders'],
    ['the cart', '/cart'],
    ['a deep storefront route', '/menu/mains'],
  ])('loads the app at %s (%s) from the same index.html, without errors', async (_name, pathname) => {
    const response = (await watched.page.goto(`${system.gatewayUrl}${pathname}`))!;
    await appRendered(watched);
    await screenshot(watched.page, SUITE, pathname);

    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-cache');
    expect(new URL(watched.page.url()).pathname).toBe(pathname);
    expectCleanPage(watched);
  });

  it('has no serious or critical accessibility violations on /', async () => {
    await watched.page.goto(`${system.gatewayUrl}/`);
    await appRendered(watched);

    await expectNoSeriousA11yViolations(watched.page);
    expectCleanPage(watched);
  });

  it('does not scroll sideways on / at 360 px', async () => {
    await watched.page.setViewportSize({ width: 360, height: 740 });
    await watched.page.goto(`${system.gatewayUrl}/`);
    await appRendered(watched);
    await screenshot(watched.page, SUITE, 'storefront-360');

    await expectNoHorizontalScroll(watched.page);
    expectCleanPage(watched);
  });
});
