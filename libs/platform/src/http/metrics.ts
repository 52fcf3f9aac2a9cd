import { Controller, Get, Header, Injectable, NestMiddleware } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

let defaultsCollected = false;

/** Node process metrics once per process, whatever number of apps a test creates. */
export function collectProcessMetrics(app: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  register.setDefaultLabels({ app });
  collectDefaultMetrics();
}

const httpDuration = new Histogram({
  name: 'galley_http_request_duration_seconds',
  help: 'HTTP request latency by route',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** Records one request for code that answers outside Nest's middleware (the gateway's edge). */
export function observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
  httpDuration.observe({ method, route, status: String(status) }, seconds);
}

/** The matched route pattern of a finished request (bounded, unlike the raw path). */
export function routeOf(req: Request, res: Response): string {
  // The gateway labels proxied requests with their policy's pattern (res.locals.route).
  if (typeof res.locals?.route === 'string') return res.locals.route;
  const matched = (req.route as { path?: string } | undefined)?.path;
  return matched ? `${req.baseUrl}${matched}` : 'unmatched';
}

/** Times every request; the label is the matched route pattern, never the raw path (bounded). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const end = httpDuration.startTimer();
    res.once('finish', () => {
      end({ method: req.method, route: routeOf(req, res), status: String(res.statusCode) });
    });
    next();
  }
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
