import { Params } from 'nestjs-pino';
import { currentTraceContext, traceIdOf } from '@galley/messaging';
import { requestIdOf } from './request-context.middleware';

/**
 * JSON logs (pino) with the request id on every request line and the trace and correlation ids
 * on every line written while handling a request or an event.
 */
export function loggerParams(app: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { app },
      genReqId: (req) => requestIdOf(req as Parameters<typeof requestIdOf>[0]),
      customProps: () => ({}),
      mixin() {
        const trace = currentTraceContext();
        return trace ? { traceId: traceIdOf(trace.traceparent), correlationId: trace.correlationId } : {};
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'], censor: '[redacted]' },
      // Probes and scrapes every few seconds would drown the useful lines.
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
