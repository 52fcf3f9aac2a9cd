import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_NAMES, upstreamUrlVariable } from '@galley/config';
import { AppProcess, testEnvironment, waitFor } from '@galley/testing';
import { NOT_BUILT_MESSAGE } from '../src/web/web-app-handler';

const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const INDEX = `<!doctype html><html lang="en"><head><title>Galley</title>
<script type="module" crossorigin src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** The compiled gateway alone (no services behind it), serving the web build from `distDir`. */
async function startGateway(distDir: string, extra: NodeJS.ProcessEnv = {}): Promise<{ child: AppProcess; base: string }> {
  const port = await freePort();
  const child = new AppProcess('gateway', {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
    WEB_DIST_DIR: distDir,
    // Nothing listens on port 9: the API must answer (in JSON) even with every service away.
    ...Object.fromEntries(SERVICE_NAMES.map((service) => [upstreamUrlVariable(service), 'http://127.0.0.1:9'])),
    ...extra,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (!child.running) throw new Error(child.tail());
      return (await fetch(`${base}/health/live`)).ok;
    },
    { timeoutMs: 60_000, what: 'the gateway to answer /health/live' },
  );
  return { child, base };
}

describe('The gateway serving the web app', () => {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-web-'));
  let built: { child: AppProcess; base: string };
  let unbuilt: { child: AppProcess; base: string };

  beforeAll(async () => {
    fs.mkdirSync(path.join(distDir, 'assets'));
    fs.writeFileSync(path.join(distDir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(distDir, 'assets/index-abc123.js'), 'console.log("galley");\n');
    fs.writeFileSync(path.join(distDir, 'assets/index-abc123.css'), 'body{margin:0}\n');
    fs.writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    [built, unbuilt] = await Promise.all([startGateway(distDir, { STRIPE_PUBLISHABLE_KEY: 'pk_test_galley' }), startGateway(path.join(distDir, 'nowhere'))]);
  });

  afterAll(async () => {
    await Promise.all([built?.child.stop(), unbuilt?.child.stop()]);
    fs.rmSync(distDir, { recursive: true, force: true });
  });

  it.each(['/', '/menu', '/product/3f2a', '/admin', '/admin/orders/42', '/index.html'])(
    'answers a navigation to %s with index.html, revalidated on every load, under a strict CSP with a fresh nonce',
    async (pathname) => {
      const res = await fetch(`${built.base}${pathname}`, { headers: BROWSER });
      const body = await res.text();

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/^default-src 'self'; script-src 'self' https:\/\/js\.stripe\.com; style-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain('frame-src https://js.stripe.com https://hooks.stripe.com');
      expect(csp).not.toContain('unsafe-inline');
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      expect(body).toContain(`<meta property="csp-nonce" nonce="${nonce}" />`);
      expect(body).toContain('<script type="module" crossorigin src="/assets/index-abc123.js">');
    },
  );

  it('uses a new nonce for every page response', async () => {
    const policies = await Promise.all([1, 2].map(async () => (await fetch(`${built.base}/`, { headers: BROWSER })).headers.get('content-security-policy')));

    expect(policies[0]).not.toBe(policies[1]);
  });

  it('answers HEAD for a page with its headers and no body', async () => {
    const res = await fetch(`${built.base}/cart`, { method: 'HEAD', headers: BROWSER });

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe('');
  });

  it('serves a hashed asset as immutable for a year with its content type', async () => {
    const [js, css] = await Promise.all(['js', 'css'].map((ext) => fetch(`${built.base}/assets/index-abc123.${ext}`)));

    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log("galley");\n');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('content-security-policy')).toBeNull();
  });

  it('answers a missing asset with a 404 in the JSON error shape, never the page', async () => {
    const res = await fetch(`${built.base}/assets/index-gone.js`, { headers: BROWSER });

    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringContaining('/assets/index-gone.js'), requestId: expect.any(String) });
  });

  it('refuses a path that climbs out of the build', async () => {
    const res = await fetch(`${built.base}/assets/%2e%2e%2f%2e%2e%2fpackage.json`);

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('serves a root file with a short cache', async () => {
    const res = await fetch(`${built.base}/favicon.svg`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('leaves the API, the docs, health and metrics to the gateway', async () => {
    const [api, docs, ready, metrics] = await Promise.all(
      ['/api/products', '/docs', '/health/live', '/metrics'].map((pathname) => fetch(`${built.base}${pathname}`, { headers: BROWSER })),
    );

    // No service runs behind this gateway: the API answers in its JSON error shape, not with the page.
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(api.status).toBeGreaterThanOrEqual(500);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toBeNull();
    expect(await docs.text()).toMatch(/swagger/i);
    expect(ready.status).toBe(200);
    expect(await metrics.text()).toContain('route="web:page"');
  });

  it('answers a JSON client on an unknown path with the JSON 404, not the page', async () => {
    const res = await fetch(`${built.base}/no-such-page`, { headers: { accept: 'application/json' } });

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers the pages with 503 and how to build them when the build is missing, and keeps the API up', async () => {
    const [page, api, live] = await Promise.all(['/', '/api/products', '/health/live'].map((pathname) => fetch(`${unbuilt.base}${pathname}`, { headers: BROWSER })));

    expect(page.status).toBe(503);
    expect(await page.text()).toBe(`${NOT_BUILT_MESSAGE}\n`);
    expect((await fetch(`${unbuilt.base}/assets/index-abc123.js`)).status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(live.status).toBe(200);
  });

  it('leaves Stripe out of the policy when the gateway has no publishable key', async () => {
    const plain = await startGateway(distDir);
    try {
      const page = await fetch(`${plain.base}/`, { headers: BROWSER });
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).not.toContain('stripe');
      expect(csp).toContain("frame-src 'none'");
    } finally {
      await plain.child.stop();
    }
  });
});
