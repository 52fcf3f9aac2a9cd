import path from 'node:path';

/**
 * What the gateway does with a request for the web app (apps/web/dist), decided from the method,
 * path and Accept header alone:
 * - `asset`: a hashed build file under /assets/, cached for a year (404 JSON when missing, never the page);
 * - `file`: another file in the build's root (favicon, robots.txt), cached briefly when it exists;
 * - `page`: index.html, the history fallback for every client-side route (/, /menu, /admin/...);
 * - `pass`: not the web app's (the API, /docs, health, metrics, other methods): the Nest app answers.
 */
export type WebRoute = 'asset' | 'file' | 'page' | 'pass';

/** Gateway-owned paths that never fall back to the page (the edge handler owns /api and /.well-known; Nest the rest). */
const RESERVED = /^\/(?:(?:api|\.well-known|health|metrics)(?:\/|$)|docs)/;
const HAS_EXTENSION = /\.[A-Za-z0-9]+$/;

export const CACHE_CONTROL: Readonly<Record<Exclude<WebRoute, 'pass'>, string>> = {
  // File names carry a content hash: a new build is a new URL.
  asset: 'public, max-age=31536000, immutable',
  file: 'public, max-age=3600',
  // The page names the current hashed files, so it is revalidated on every load.
  page: 'no-cache',
};

export function webRouteOf(method: string | undefined, pathname: string, accept: string | undefined): WebRoute {
  if (method !== 'GET' && method !== 'HEAD') return 'pass';
  if (RESERVED.test(pathname)) return 'pass';
  if (pathname.startsWith('/assets/')) return 'asset';
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  // /favicon.ico, /robots.txt: one segment with an extension is a root file (missing ones are Nest's 404).
  if (HAS_EXTENSION.test(lastSegment)) return pathname.indexOf('/', 1) === -1 ? 'file' : 'pass';
  return acceptsHtml(accept) ? 'page' : 'pass';
}

/**
 * A browser navigation names text/html in its Accept header. A client that sends none or only `*∕*`
 * (curl, fetch, an API client that mistyped a path) gets the API's JSON 404 rather than the page.
 */
export function acceptsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const type = range.split(';', 1)[0].trim().toLowerCase();
    return type === 'text/html' || type === 'application/xhtml+xml';
  });
}

/**
 * The file a URL path names inside `root`, or undefined when the path is malformed or climbs out
 * of it (`..`, encoded slashes, NUL bytes).
 */
export function fileInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f/i.test(pathname)) return undefined;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  const resolved = path.resolve(root, `.${decoded}`);
  return resolved.startsWith(root.endsWith(path.sep) ? root : root + path.sep) ? resolved : undefined;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface CspOptions {
  /** Per response: lets runtime-injected <style> elements (radix-ui's scroll lock) through without 'unsafe-inline'. */
  nonce: string;
  /** Stripe.js and its frames are allowed only when the gateway has a publishable key. */
  stripe: boolean;
}

/**
 * The Content-Security-Policy of the web app's pages. Vite's build has no inline script or style
 * (one module script and one stylesheet from /assets), and React sets `style` props through the
 * CSSOM, which CSP does not restrict; so style-src needs no 'unsafe-inline', only the page's nonce
 * (published in `<meta property="csp-nonce">`, the convention Vite's runtime also reads).
 */
export function contentSecurityPolicy({ nonce, stripe }: CspOptions): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(stripe ? ['https://js.stripe.com'] : [])]],
    ['style-src', ["'self'", `'nonce-${nonce}'`]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...(stripe ? ['https://api.stripe.com'] : [])]],
    ['frame-src', stripe ? ['https://js.stripe.com', 'https://hooks.stripe.com'] : ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** index.html with the response's nonce published for scripts that add <style> elements at run time. */
export function withNonce(html: string, nonce: string): string {
  const meta = `<meta property="csp-nonce" nonce="${nonce}" />`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`) : `${meta}\n${html}`;
}
