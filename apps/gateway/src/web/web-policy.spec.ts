import path from 'node:path';
import { acceptsHtml, CACHE_CONTROL, contentSecurityPolicy, contentTypeOf, fileInside, webRouteOf, withNonce } from './web-policy';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const JSON_ONLY = 'application/json';

const directivesOf = (policy: string) => Object.fromEntries(policy.split('; ').map((directive) => [directive.split(' ', 1)[0], directive.split(' ').slice(1)]));

describe(webRouteOf.name, () => {
  it.each([
    ['GET', '/', BROWSER, 'page'],
    ['HEAD', '/', BROWSER, 'page'],
    ['GET', '/menu', BROWSER, 'page'],
    ['GET', '/product/3f2a', BROWSER, 'page'],
    ['GET', '/track/3f2a', BROWSER, 'page'],
    ['GET', '/admin', BROWSER, 'page'],
    ['GET', '/admin/orders/42', BROWSER, 'page'],
    ['GET', '/checkout', undefined, 'pass'],
    ['GET', '/checkout', '*/*', 'pass'],
    ['GET', '/checkout', JSON_ONLY, 'pass'],
    ['GET', '/assets/index-abc123.js', '*/*', 'asset'],
    ['HEAD', '/assets/index-abc123.css', 'text/css', 'asset'],
    ['GET', '/assets/missing.js', BROWSER, 'asset'],
    ['GET', '/favicon.svg', 'image/*', 'file'],
    ['GET', '/robots.txt', undefined, 'file'],
    ['GET', '/deep/path/logo.png', BROWSER, 'pass'],
    ['POST', '/', BROWSER, 'pass'],
    ['PUT', '/assets/index-abc123.js', '*/*', 'pass'],
    ['GET', '/api/products', BROWSER, 'pass'],
    ['GET', '/api', BROWSER, 'pass'],
    ['GET', '/.well-known/jwks.json', BROWSER, 'pass'],
    ['GET', '/docs', BROWSER, 'pass'],
    ['GET', '/docs/', BROWSER, 'pass'],
    ['GET', '/docs-json', BROWSER, 'pass'],
    ['GET', '/health/ready', BROWSER, 'pass'],
    ['GET', '/health', BROWSER, 'pass'],
    ['GET', '/metrics', BROWSER, 'pass'],
    ['GET', '/healthy-bowls', BROWSER, 'page'],
    ['GET', '/apis', BROWSER, 'page'],
  ])('routes %s %s (accept %s) to %s', (method, pathname, accept, expected) => {
    expect(webRouteOf(method, pathname, accept)).toBe(expected);
  });
});

describe(acceptsHtml.name, () => {
  it.each([
    [undefined, false],
    ['', false],
    ['*/*', false],
    [BROWSER, true],
    ['text/*', false],
    ['TEXT/HTML; q=0.5', true],
    ['application/json', false],
    ['text/event-stream', false],
    ['image/webp,image/*', false],
  ])('says %s accepts HTML: %s', (accept, expected) => {
    expect(acceptsHtml(accept)).toBe(expected);
  });
});

describe(fileInside.name, () => {
  const root = path.resolve('/srv/web/dist');

  it.each([
    ['/assets/index-abc.js', path.join(root, 'assets/index-abc.js')],
    ['/favicon.svg', path.join(root, 'favicon.svg')],
    ['/assets/a%20b.png', path.join(root, 'assets/a b.png')],
    ['/assets/../../etc/passwd', undefined],
    ['/assets/%2e%2e/%2e%2e/etc/passwd', undefined],
    ['/assets/..%2f..%2fetc%2fpasswd', undefined],
    ['/assets/%00.js', undefined],
    ['/assets/%E0%A4%A.js', undefined],
    ['/assets/..\\..\\secret', undefined],
  ])('maps %s to %s', (pathname, expected) => {
    expect(fileInside(root, pathname)).toBe(expected);
  });
});

describe(contentTypeOf.name, () => {
  it.each([
    ['index-abc.js', 'text/javascript; charset=utf-8'],
    ['index-abc.css', 'text/css; charset=utf-8'],
    ['logo.SVG', 'image/svg+xml'],
    ['inter.woff2', 'font/woff2'],
    ['favicon.ico', 'image/x-icon'],
    ['blob.unknown', 'application/octet-stream'],
  ])('gives %s the type %s', (file, expected) => {
    expect(contentTypeOf(file)).toBe(expected);
  });
});

describe('CACHE_CONTROL', () => {
  it('caches hashed assets for a year as immutable and revalidates the page on every load', () => {
    expect(CACHE_CONTROL.asset).toBe('public, max-age=31536000, immutable');
    expect(CACHE_CONTROL.page).toBe('no-cache');
    expect(CACHE_CONTROL.file).toMatch(/^public, max-age=\d{1,4}$/);
  });
});

describe(contentSecurityPolicy.name, () => {
  it('allows only the same origin, with no inline script or style, when Stripe is not configured', () => {
    const sut = directivesOf(contentSecurityPolicy({ nonce: 'n0nce', stripe: false }));

    expect(sut).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'nonce-n0nce'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'frame-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'object-src': ["'none'"],
    });
    expect(JSON.stringify(sut)).not.toMatch(/unsafe|stripe/);
  });

  it("adds Stripe's script, API and frame origins when the gateway has a publishable key", () => {
    const sut = directivesOf(contentSecurityPolicy({ nonce: 'n0nce', stripe: true }));

    expect(sut['script-src']).toEqual(["'self'", 'https://js.stripe.com']);
    expect(sut['connect-src']).toEqual(["'self'", 'https://api.stripe.com']);
    expect(sut['frame-src']).toEqual(['https://js.stripe.com', 'https://hooks.stripe.com']);
    expect(sut['style-src']).toEqual(["'self'", "'nonce-n0nce'"]);
    expect(sut['frame-ancestors']).toEqual(["'none'"]);
  });
});

describe(withNonce.name, () => {
  it('publishes the nonce in a meta element right after <head>', () => {
    const sut = withNonce('<html><head lang="en"><title>Galley</title></head></html>', 'abc');

    expect(sut).toMatch(/^<html><head lang="en">\s*<meta property="csp-nonce" nonce="abc" \/><title>/);
  });
});
