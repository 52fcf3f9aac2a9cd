import { Writable } from 'node:stream';
import express, { Request, Response } from 'express';
import pinoHttp, { Options } from 'pino-http';
import request from 'supertest';
import { currentTraceContext } from '@galley/messaging';
import { loggerParams } from './logging';
import { requestContextMiddleware } from './request-context.middleware';

/** A service's HTTP stack as bootstrap.ts orders it (request context, then pino-http with Galley's options), logging into `lines`. */
function appLoggingInto(lines: Record<string, unknown>[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
      done();
    },
  });
  const app = express();
  app.use(requestContextMiddleware);
  app.use(pinoHttp(loggerParams('orders', 'info').pinoHttp as Options, stream));
  app.get('/api/orders/:id/stream', (req: Request, res: Response) => {
    (req as Request & { log: { info(message: string): void } }).log.info('handler line');
    res.json({ orderId: currentTraceContext()?.orderId });
  });
  return app;
}

describe(loggerParams.name, () => {
  const orderId = '0b8f3c52-4a7e-4c1b-9a59-8d2b1f0c6e11';

  it('writes the request id, trace id and order id on the request line and never the access token', async () => {
    const lines: Record<string, unknown>[] = [];
    const res = await request(appLoggingInto(lines))
      .get(`/api/orders/${orderId}/stream?access_token=eyJhbGciOi.secret.sig&after=3`)
      .set('x-request-id', 'req-42')
      .set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')
      .expect(200);
    expect(res.body).toEqual({ orderId });
    const completed = lines.find((line) => line.msg === 'request completed');
    expect(completed).toMatchObject({
      requestId: 'req-42',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      orderId,
      req: { id: 'req-42', url: `/api/orders/${orderId}/stream?access_token=[redacted]&after=3` },
    });
    expect(lines.find((line) => line.msg === 'handler line')).toMatchObject({ requestId: 'req-42', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', orderId });
    expect(JSON.stringify(lines)).not.toContain('eyJhbGciOi');
  });
});
