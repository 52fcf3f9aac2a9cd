import http from 'node:http';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { SERVICE_NAMES } from '@galley/config';
import { AppProcess, RunningSystem, testEnvironment, waitFor } from '@galley/testing';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A request with full control over method, path and body (fetch normalises some of them). */
function rawRequest(baseUrl: string, options: { method?: string; path: string; headers?: http.OutgoingHttpHeaders; body?: Buffer | string }): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Bytes no HTTP client library would send; resolves with whatever the server answers. */
function rawSocket(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer within 10 s; got: ${Buffer.concat(chunks).toString().slice(0, 300)}`)));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (completeAnswer(Buffer.concat(chunks))) socket.end();
    });
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', (error) => (chunks.length > 0 ? resolve(Buffer.concat(chunks).toString()) : reject(error)));
    socket.write(request);
  });
}

/** True once `bytes` hold a status line, headers and as many body bytes as declared (0 if none). */
function completeAnswer(bytes: Buffer): boolean {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = Number(/content-length: *(\d+)/i.exec(bytes.subarray(0, end).toString())?.[1] ?? 0);
  return bytes.length >= end + 4 + length;
}

/**
 * Writes a large request over a raw socket and stops writing once the server answers. (Node's
 * http client reports EPIPE instead of the answer when a server rejects a body early and closes.)
 */
function sendWhileReading(port: number, head: string, body: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let answered = false;
    const finish = () => {
      const text = Buffer.concat(chunks).toString();
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no complete answer: ${text.slice(0, 300) || '(nothing)'}`));
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers: http.IncomingHttpHeaders = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, text: text.slice(end + 4) });
    };
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      answered = true;
      if (completeAnswer(Buffer.concat(chunks))) socket.destroy();
    });
    socket.on('close', finish);
    socket.on('error', (error) => (chunks.length > 0 ? undefined : reject(error)));
    socket.write(head);
    let at = 0;
    const pump = (): void => {
      while (!answered && !socket.destroyed && at < body.length) {
        const piece = body.subarray(at, at + 16 * 1024);
        at += piece.length;
        if (!socket.write(piece)) {
          socket.once('drain', pump);
          return;
        }
      }
      // Never half-close: Node's server drops a pending (proxied) answer when the client sends FIN.
    };
    setImmediate(pump);
  });
}

function parseJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`expected a JSON body, got: ${text.slice(0, 500) || '(empty)'}`);
  }
}

/** A 4xx in the JSON error shape, with no trace of a stack or an exception's class. */
function expectClientErrorShape(response: RawResponse, status?: number): void {
  const detail = `${response.status} ${response.text.slice(0, 500)}`;
  expect({ detail, clientError: response.status >= 400 && response.status < 500 }).toEqual({ detail, clientError: true });
  if (status !== undefined) expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/application\/json/);
  const body = parseJson(response.text);
  expect(body).toEqual(expect.objectContaining({ statusCode: response.status, error: expect.any(String), message: expect.any(String), requestId: expect.any(String) }));
  expect(response.text).not.toMatch(/^\s*at .+[(:]\d+/m);
  expect(response.text).not.toMatch(/\bat [\w.<>]+ \(/);
  expect(response.text).not.toContain('Error:');
  expect(response.text).not.toContain('node_modules');
}

describe('Galley platform (end to end)', () => {
  let sut: RunningSystem;

  beforeAll(async () => {
    sut = await RunningSystem.start();
  }, 120_000);

  afterAll(async () => {
    await sut?.stopAll();
  }, 30_000);

  it('reports all five services up with database, broker and outbox details at the gateway /health/services', async () => {
    const res = await fetch(`${sut.gatewayUrl}/health/services`);
    const body = (await res.json()) as { status: string; services: Record<string, { status: string; details: Record<string, { status: string }> }> };

    expect(res.status).toBe(200);
    expect(Object.keys(body.services).sort()).toEqual([...SERVICE_NAMES].sort());
    for (const service of SERVICE_NAMES) {
      expect({ service, ...body.services[service] }).toMatchObject({
        service,
        status: 'up',
        details: { database: { status: 'up' }, broker: { status: 'up' }, outbox: { status: 'up' } },
      });
    }
  });

  it.each(SERVICE_NAMES)('answers liveness and readiness at the %s service itself', async (service) => {
    const live = await fetch(`${sut.serviceUrl(service)}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    // Readiness is the database alone; the broker and the outbox are details for people (and metrics).
    const ready = await fetch(`${sut.serviceUrl(service)}/health/ready`);
    const body = (await ready.json()) as { status: string; details: Record<string, { status: string }> };
    expect(ready.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details)).toEqual(['database']);

    const dependencies = await fetch(`${sut.serviceUrl(service)}/health/dependencies`);
    const all = (await dependencies.json()) as { details: Record<string, { status: string }> };
    expect(dependencies.status).toBe(200);
    expect(Object.keys(all.details).sort()).toEqual(['broker', 'database', 'outbox']);
  });

  it('answers unknown /api and non-api routes with a JSON 404 that carries the request id', async () => {
    for (const path of ['/api/no-such-thing/42', '/no-such-page']) {
      const res = await rawRequest(sut.gatewayUrl, { path });
      expectClientErrorShape(res, 404);
      expect(parseJson(res.text).requestId).toBe(res.headers['x-request-id']);
    }
  });

  it('returns the x-request-id that was sent when the request is proxied to a service', async () => {
    const requestId = `e2e-${Date.now()}-proxied`;
    // A public route, so the gateway proxies it without a token.
    const res = await rawRequest(sut.gatewayUrl, { path: '/api/categories', headers: { 'x-request-id': requestId } });

    expect(res.status).toBeLessThan(500);
    expect(res.headers['x-request-id']).toBe(requestId);
    // The id reached the inventory service (its request log line carries it), not just the gateway.
    await waitFor(() => Promise.resolve(sut.process('inventory')!.stdout.includes(`"id":"${requestId}"`)), {
      timeoutMs: 5000,
      what: `the inventory service to log request ${requestId}`,
    });
  });

  it('serves one merged OpenAPI document at /docs-json and the UI as HTML at /docs', async () => {
    const json = await fetch(`${sut.gatewayUrl}/docs-json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    const document = (await json.json()) as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
    expect(Array.isArray(document)).toBe(false);
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toEqual(expect.stringContaining('gateway'));
    expect(typeof document.paths).toBe('object');
    expect(document.paths['/health/ready']).toBeDefined();

    const ui = await fetch(`${sut.gatewayUrl}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ui.text()).toMatch(/<html[\s\S]*swagger/i);
  });

  it('exposes request durations and process metrics at a service /metrics', async () => {
    await fetch(`${sut.serviceUrl('orders')}/health/live`).then((res) => res.arrayBuffer());
    const res = await fetch(`${sut.serviceUrl('orders')}/metrics`);
    const text = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(text).toMatch(/^# TYPE galley_http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^galley_http_request_duration_seconds_bucket\{.*app="orders"/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total\{.*\} \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes\{.*\} \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{.*\} \d/m);
  });

  describe('malformed requests', () => {
    it('answers invalid JSON posted to a public route with a JSON 400 from the service', async () => {
      const res = await rawRequest(sut.gatewayUrl, {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        body: '{"lines": [ {"productId": ',
      });
      expectClientErrorShape(res, 400);
    });

    it('answers a 2 MB body with a JSON 413 whether or not it declares its length', async () => {
      const body = Buffer.from(JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) }));
      const head = 'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n';
      // Rejected by the gateway from its declared length, before anything is proxied.
      const declared = await sendWhileReading(sut.port('gateway'), `${head}content-length: ${body.length}\r\n\r\n`, body);
      expectClientErrorShape(declared, 413);

      // Without a length it streams to the users service, whose body parser stops it.
      const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
      const streamed = await sendWhileReading(sut.port('gateway'), `${head}transfer-encoding: chunked\r\n\r\n`, chunked);
      expectClientErrorShape(streamed, 413);
    });

    it.each(['/api/orders/%zz', '/api/products/%E0%A4%A/reviews', '/%zz', '/api/%zz%'])('answers the badly encoded path %s with a JSON 4xx', async (path) => {
      expectClientErrorShape(await rawRequest(sut.gatewayUrl, { path }));
    });

    it.each(['/api/orders', '/api/products/1/reviews', '/', '/health/ready'])('answers PROPFIND %s with a JSON 4xx', async (path) => {
      expectClientErrorShape(await rawRequest(sut.gatewayUrl, { method: 'PROPFIND', path }));
    });

    it('answers a request with no headers at all and an odd method with a JSON 4xx', async () => {
      expectClientErrorShape(await rawRequest(sut.gatewayUrl, { method: 'MKCOL', path: '/api/users/me', headers: {} }));
    });

    // These never reach Express: Node's HTTP parser rejects them, and the platform's clientError
    // handler answers in the JSON error shape.
    it.each([
      ['a 20 KB header', `GET /api/orders HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
      ['an unknown method', 'BREW /api/orders HTTP/1.1\r\nHost: x\r\n\r\n'],
      ['garbage instead of a request line', '\u0001\u0002 not http at all\r\n\r\n'],
    ])('answers %s with a JSON 4xx and no stack trace', async (_case, raw) => {
      const answer = await rawSocket(sut.port('gateway'), raw);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1]);
      expect({ answer: answer.slice(0, 300), clientError: status >= 400 && status < 500 }).toEqual({ answer: answer.slice(0, 300), clientError: true });
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { statusCode: number; requestId: string };
      expect(body.statusCode).toBe(status);
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer).not.toMatch(/^\s*at .+[(:]\d+/m);
      expect(answer).not.toContain('Error:');
    });

    it('answers an HTTP/1.1 request without a Host header with a 400 and no stack trace', async () => {
      // Node answers this one itself (an empty 400) before any handler of ours can run.
      const answer = await rawSocket(sut.port('gateway'), 'PROPFIND /api/orders HTTP/1.1\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).not.toMatch(/^\s*at .+[(:]\d+/m);
    });

    it('answers the same malformed requests sent to a service directly with JSON 4xx', async () => {
      const base = sut.serviceUrl('orders');
      expectClientErrorShape(await rawRequest(base, { method: 'POST', path: '/api/orders', headers: { 'content-type': 'application/json' }, body: '{oops' }), 400);
      expectClientErrorShape(await rawRequest(base, { path: '/api/orders/%zz' }));
      expectClientErrorShape(await rawRequest(base, { method: 'PROPFIND', path: '/api/orders' }));
    });
  });

  it("stays ready and serves the other services' routes while reviews is stopped; /health/services names reviews down", async () => {
    await sut.stop('reviews');
    try {
      const ready = await fetch(`${sut.gatewayUrl}/health/ready`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ok', checks: { keys: 'up', shutdown: 'up' } } });
      // Routes of the services that are up keep answering; reviews' own routes fail in the JSON error shape.
      const categories = await fetch(`${sut.gatewayUrl}/api/categories`);
      expect(categories.status).toBe(200);
      const reviews = await rawRequest(sut.gatewayUrl, { path: `/api/products/${randomUUID()}/reviews` });
      expect(reviews.status).toBeGreaterThanOrEqual(502);
      expect(parseJson(reviews.text)).toEqual(expect.objectContaining({ statusCode: reviews.status, requestId: expect.any(String) }));

      const res = await fetch(`${sut.gatewayUrl}/health/services`);
      const body = (await res.json()) as { status: string; services: Record<string, { status: string }> };
      expect(res.status).toBe(503);
      expect(body.services.reviews.status).toBe('down');
      for (const service of SERVICE_NAMES.filter((name) => name !== 'reviews')) {
        expect({ service, status: body.services[service].status }).toEqual({ service, status: 'up' });
      }
    } finally {
      await sut.start('reviews');
    }
    await waitFor(async () => (await fetch(`${sut.gatewayUrl}/health/services`)).status === 200, { timeoutMs: 30_000, what: '/health/services after restarting reviews' });
    const again = await fetch(`${sut.gatewayUrl}/health/services`);
    expect(((await again.json()) as { services: Record<string, { status: string }> }).services.reviews.status).toBe('up');
  });

  describe('a broken configuration', () => {
    async function runToExit(child: AppProcess): Promise<{ code: number | null; stderr: string }> {
      const timer = setTimeout(() => void child.stop(0), 30_000);
      const { code } = await child.exited;
      clearTimeout(timer);
      return { code, stderr: child.stderr };
    }

    it('makes a service exit with code 78 naming every bad key', async () => {
      const child = new AppProcess('users', {
        ...process.env,
        DB_NAME: testEnvironment.databaseName,
        PORT: 'eighty',
        KAFKA_BROKERS: 'nohost',
      });
      const { code, stderr } = await runToExit(child);

      expect({ code, stderr }).toEqual({ code: 78, stderr: expect.stringContaining('PORT') });
      expect(stderr).toContain('KAFKA_BROKERS');
      expect(stderr).not.toMatch(/^\s*at /m);
    });

    it('makes the gateway exit with code 78 naming every bad key', async () => {
      const child = new AppProcess('gateway', { ...process.env, PORT: 'eighty', ORDERS_URL: 'not a url' });
      const { code, stderr } = await runToExit(child);

      expect({ code, stderr }).toEqual({ code: 78, stderr: expect.stringContaining('PORT') });
      expect(stderr).toContain('ORDERS_URL');
    });
  });
});
