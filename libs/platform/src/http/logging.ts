import { Params } from 'nestjs-pino';
import { currentTraceContext, logFieldsOf } from '@galley/messaging';
import { redactUrl } from './redact-url';
import { requestIdOf } from './request-context.middleware';

/**
 * What every log line written while handling a request or an event carries: trace id, request
 * id, correlation id and, where there is one, the order id. A pino mixin; the gateway's edge
 * logger uses it too.
 */
export function logMixin(): Record<string, string> {
  return logFieldsOf(currentTraceContext());
}

/**
 * JSON logs (pino) with the request id on every request line and the trace, request, correlation
 * and order ids on every line written while handling a request or an event.
 */
export function loggerParams(app: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { app },
      genReqId: (req) => requestIdOf(req as Parameters<typeof requestIdOf>[0]),
      // The client's address as Express sees it (X-Forwarded-For from the one trusted hop, the gateway).
      customProps: (req) => ({ clientAddress: (req as { ip?: string }).ip }),
      mixin: logMixin,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'], censor: '[redacted]' },
      // Probes and scrapes every few seconds would drown the useful lines.
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
      serializers: {
        // Credentials in query strings (an EventSource's access_token) never reach the log.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
