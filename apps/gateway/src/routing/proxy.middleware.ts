import { Agent } from 'node:http';
import { Inject, Injectable, NestMiddleware, OnModuleDestroy } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { createProxyMiddleware, RequestHandler } from 'http-proxy-middleware';
import { GatewayConfig, SERVICE_NAMES, ServiceName, upstreamUrlVariable } from '@galley/config';
import { errorBody } from '@galley/errors';
import { requestIdOf } from '@galley/platform';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { resolveService } from './route-table';

const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * Forwards `/api/...` to the owning service over kept-alive connections, streaming bodies as they
 * are (Stripe signs the raw bytes). Unknown paths and unreachable services answer in the JSON
 * error shape, never with a proxy's HTML page.
 */
@Injectable()
export class ProxyMiddleware implements NestMiddleware, OnModuleDestroy {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 10_000 });
  private readonly proxies: Map<ServiceName, RequestHandler<Request, Response>>;
  private readonly maxBodyBytes: number;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.maxBodyBytes = config.MAX_BODY_BYTES;
    this.proxies = new Map(
      SERVICE_NAMES.map((service) => {
        const target = config[upstreamUrlVariable(service) as keyof GatewayConfig] as string;
        return [service, this.proxyTo(service, target)];
      }),
    );
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const service = resolveService(req.originalUrl);
    if (!service) {
      res.status(404).json(errorBody(404, `No route for ${req.method} ${req.path}`, requestIdOf(req)));
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    // Bodies without a declared length are bounded by each service's own body parser.
    if (length > this.maxBodyBytes) {
      res.status(413).json(errorBody(413, `Request bodies are limited to ${this.maxBodyBytes} bytes`, requestIdOf(req)));
      return;
    }
    req.url = req.originalUrl;
    void this.proxies.get(service)!(req, res, next);
  }

  onModuleDestroy(): void {
    this.agent.destroy();
  }

  private proxyTo(service: ServiceName, target: string): RequestHandler<Request, Response> {
    return createProxyMiddleware<Request, Response>({
      target,
      agent: this.agent,
      xfwd: true,
      proxyTimeout: UPSTREAM_TIMEOUT_MS,
      timeout: UPSTREAM_TIMEOUT_MS,
      logger: undefined,
      on: {
        error: (error, req, res) => {
          const response = res as Response;
          if (!('status' in response) || response.headersSent) {
            (res as { destroy?: () => void }).destroy?.();
            return;
          }
          const code = (error as NodeJS.ErrnoException).code;
          const status = code === 'ECONNRESET' && !response.headersSent ? 502 : code === 'ETIMEDOUT' ? 504 : 503;
          response.status(status).json(errorBody(status, `The ${service} service is unavailable; try again shortly`, requestIdOf(req as Request)));
        },
      },
    });
  }
}
