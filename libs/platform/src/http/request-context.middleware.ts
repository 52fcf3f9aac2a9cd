import { randomUUID } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import { NextFunction, Request, Response } from 'express';
import { endSpan, runWithTraceContext, SpanKind, startSpan } from '@galley/messaging';
import { routeOf } from './metrics';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id a caller sent (when sane) or a new one. */
export function requestIdOf(req: { headers: IncomingHttpHeaders }): string {
  const sent = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

// Callbacks from a payment provider (and the development stand-in that sends one) are about an
// order whose trace began at checkout: what they emit continues that trace.
const CALLBACK_PATH = /^\/api\/(?:webhooks\/|payments\/dev\/simulate$)/;
const ORDER_PATH = /^\/api\/(?:admin\/)?orders\/([0-9a-f-]{36})(?:[/?]|$)/i;

/** The order a request is about, read from its path (`/api/orders/:id/...`). */
export function orderIdOfPath(url: string | undefined): string | undefined {
  return url ? ORDER_PATH.exec(url)?.[1] : undefined;
}

/**
 * Gives each request an id (echoed in `x-request-id`) and a trace context with its server span,
 * so its log lines and the events it causes carry the same correlation id and W3C trace.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = (req as Request & { id?: string }).id ?? requestIdOf(req);
  (req as Request & { id?: string }).id = id;
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  const parent = req.headers.traceparent;
  const { span, traceparent } = startSpan(`${req.method}`, SpanKind.SERVER, Array.isArray(parent) ? parent[0] : parent, {
    'http.request.method': req.method,
    'url.path': req.path,
    'galley.request.id': id,
  });
  res.once('finish', () => {
    const route = routeOf(req, res);
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
    endSpan(span, res.statusCode >= 500 ? new Error(`HTTP ${res.statusCode}`) : undefined);
  });
  req.headers.traceparent = traceparent;
  const context = { traceparent, correlationId: id, causationId: id, requestId: id, orderId: orderIdOfPath(req.originalUrl) };
  runWithTraceContext(CALLBACK_PATH.test(req.path) ? { ...context, resumesAggregateTrace: true } : context, next);
}
