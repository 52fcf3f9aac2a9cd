import { randomUUID } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import { NextFunction, Request, Response } from 'express';
import { childTraceparent, runWithTraceContext } from '@galley/messaging';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id a caller sent (when sane) or a new one. */
export function requestIdOf(req: { headers: IncomingHttpHeaders }): string {
  const sent = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * Gives each request an id (echoed in `x-request-id`) and a trace context, so its log lines and
 * the events it causes carry the same correlation id and W3C trace.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = (req as Request & { id?: string }).id ?? requestIdOf(req);
  (req as Request & { id?: string }).id = id;
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  const parent = req.headers.traceparent;
  const traceparent = childTraceparent(Array.isArray(parent) ? parent[0] : parent);
  req.headers.traceparent = traceparent;
  runWithTraceContext({ traceparent, correlationId: id, causationId: id }, next);
}
