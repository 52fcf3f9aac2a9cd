import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import helmet from 'helmet';
import { Logger } from 'pino';
import { errorBody } from '@galley/errors';
import { observeHttpRequest, redactUrl, REQUEST_ID_HEADER, requestIdOf } from '@galley/platform';
import { CACHE_CONTROL, contentSecurityPolicy, contentTypeOf, fileInside, WebRoute, webRouteOf, withNonce } from './web-policy';

export const NOT_BUILT_MESSAGE = 'the web app is not built: run npm run build -w apps/web';

export interface WebAppOptions {
  /** The Vite build (index.html and assets/), absolute. */
  distDir: string;
  /** Whether the pages may load Stripe.js (the gateway has a publishable key). */
  stripe: boolean;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

interface CachedPage {
  mtimeMs: number;
  size: number;
  html: string;
}

/**
 * The storefront and staff dashboard (one Vite build, apps/web/dist) on the bare Node server, like
 * the edge handler: hashed /assets/* cached for a year, root files briefly, and index.html for
 * every other page navigation (the client-side router takes it from there) under a strict
 * Content-Security-Policy. A missing build makes the pages answer 503; the API is unaffected.
 */
export class WebAppHandler {
  private readonly securityHeaders: Middleware;
  private page: CachedPage | undefined;

  constructor(
    private readonly options: WebAppOptions,
    private readonly logger: Logger,
  ) {
    // The same headers as the API's (nosniff, frame and referrer policies); the page's CSP is set per response.
    this.securityHeaders = helmet({ contentSecurityPolicy: false }) as Middleware;
  }

  handles(req: IncomingMessage): boolean {
    return this.routeOf(req) !== 'pass';
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const route = this.routeOf(req);
    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      observeHttpRequest(req.method ?? 'GET', `web:${route}`, res.statusCode, seconds);
      // A page link could carry a credential in its query (tracking links keep theirs in the fragment, never sent): never logged.
      this.logger.debug({ req: { id: requestId, method: req.method, url: redactUrl(req.url) }, res: { statusCode: res.statusCode } }, 'web request completed');
    });
    this.securityHeaders(req, res, () => {
      this.serve(req, res, route, requestId).catch((error: unknown) => {
        this.logger.error({ err: error, requestId }, 'web app failure');
        if (!res.headersSent) sendJson(res, 500, 'Something went wrong on our side; quote the request id when reporting it', requestId);
        else res.destroy();
      });
    });
  }

  private routeOf(req: IncomingMessage): WebRoute {
    const accept = req.headers.accept;
    return webRouteOf(req.method, pathOf(req), Array.isArray(accept) ? accept.join(',') : accept);
  }

  private async serve(req: IncomingMessage, res: ServerResponse, route: WebRoute, requestId: string): Promise<void> {
    const pathname = pathOf(req);
    if (route === 'page' || pathname === '/index.html') {
      await this.servePage(res);
      return;
    }
    const file = fileInside(this.options.distDir, pathname);
    if (!file) {
      sendJson(res, 400, `The path ${pathname} is malformed`, requestId);
      return;
    }
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat?.isFile()) {
      sendJson(res, 404, `No file ${pathname} in the web app's build`, requestId);
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-length': stat.size,
      'cache-control': route === 'asset' ? CACHE_CONTROL.asset : CACHE_CONTROL.file,
      'last-modified': stat.mtime.toUTCString(),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(fs.createReadStream(file), res);
  }

  private async servePage(res: ServerResponse): Promise<void> {
    const page = await this.loadPage();
    if (!page) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30' });
      res.end(`${NOT_BUILT_MESSAGE}\n`);
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const body = withNonce(page.html, nonce);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': CACHE_CONTROL.page,
      'content-security-policy': contentSecurityPolicy({ nonce, stripe: this.options.stripe }),
    });
    res.end(body);
  }

  /** index.html, re-read when a new build replaced it (npm start and the tests rebuild while nothing restarts). */
  private async loadPage(): Promise<CachedPage | undefined> {
    const file = path.join(this.options.distDir, 'index.html');
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return undefined;
    if (this.page?.mtimeMs !== stat.mtimeMs || this.page.size !== stat.size) {
      this.page = { mtimeMs: stat.mtimeMs, size: stat.size, html: await fs.promises.readFile(file, 'utf8') };
    }
    return this.page;
  }
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?', 1)[0];
}

function sendJson(res: ServerResponse, status: number, message: string, requestId: string): void {
  const body = JSON.stringify(errorBody(status, message, requestId));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}
