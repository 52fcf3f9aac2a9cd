import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { GatewayConfig, loadConfig } from '@galley/config';
import { logMixin } from '@galley/platform';
import { EdgeRequestHandler } from './edge-request-handler';

const ORDER_ID = '0b8f3c52-4a7e-4c1b-9a59-8d2b1f0c6e11';
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe(`${EdgeRequestHandler.name} request log`, () => {
  const lines: Record<string, unknown>[] = [];
  let server: Server;
  let base: string;
  let sut: EdgeRequestHandler;

  beforeAll(async () => {
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
    // Nothing listens on port 9: no request here reaches a service or the key set.
    const upstream = 'http://127.0.0.1:9';
    const config = loadConfig(GatewayConfig, {
      USERS_URL: upstream,
      ORDERS_URL: upstream,
      INVENTORY_URL: upstream,
      PAYMENTS_URL: upstream,
      REVIEWS_URL: upstream,
      JWT_JWKS_URL: `${upstream}/.well-known/jwks.json`,
    });
    sut = new EdgeRequestHandler(config, pino({ level: 'info', mixin: logMixin }, stream));
    server = createServer((req, res) => sut.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    sut.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('names the request, its trace and its order, and redacts the access token of an order stream', async () => {
    const res = await fetch(`${base}/api/orders/${ORDER_ID}/stream?access_token=${TOKEN}`, {
      headers: { 'x-request-id': 'req-7', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    });
    await res.arrayBuffer();
    expect(res.status).toBeGreaterThanOrEqual(400);
    await new Promise((resolve) => setImmediate(resolve));
    const completed = lines.find((line) => line.msg === 'request completed' && (line.req as { id?: string }).id === 'req-7');
    expect(completed).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      orderId: ORDER_ID,
      req: { method: 'GET', url: `/api/orders/${ORDER_ID}/stream?access_token=[redacted]` },
    });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it('writes no order id for a request about no order', async () => {
    const res = await fetch(`${base}/api/products`, { headers: { 'x-request-id': 'req-8' } });
    await res.arrayBuffer();
    await new Promise((resolve) => setImmediate(resolve));
    const completed = lines.find((line) => line.msg === 'request completed' && (line.req as { id?: string }).id === 'req-8');
    expect(completed).toMatchObject({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(completed).not.toHaveProperty('orderId');
  });
});
