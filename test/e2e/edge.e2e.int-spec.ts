import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { adminPool, fetchResponseValidator, GalleyClient, OpenApiResponseValidator, RunningSystem, waitFor } from '@galley/testing';
import { decide, policyFor } from '../../apps/gateway/src/routing/route-policy';

const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'edge-admin-password-1' };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  method: string;
  template: string;
}

interface Caller {
  name: 'anonymous' | 'customer' | 'admin';
  role?: string;
  token?: string;
}

const STACK = /^\s*at .+[(:]\d+/m;

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Fills `{id}`-style parameters so the path is concrete. */
const concrete = (template: string, fill: () => string = () => randomUUID()) => template.replace(/\{[^}]+\}/g, () => fill());

describe('The gateway edge', () => {
  let sut: RunningSystem;
  let operations: Operation[];
  let callers: Caller[];
  /** Checks every answer against the merged OpenAPI document (off with GALLEY_VALIDATE_RESPONSES=0). */
  let contract: OpenApiResponseValidator | undefined;

  /**
   * What is wrong with an answer according to the document (nothing when the check is off), for the
   * path fetch really asked for (it resolves `..` and `%2e%2e` segments the fuzzing puts in).
   */
  const contractProblems = (method: string, res: Response, text: string): string[] => {
    if (!contract) return [];
    let body: unknown = text || undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: checked as text
    }
    return contract.problems({ method, path: new URL(res.url).pathname, status: res.status, contentType: res.headers.get('content-type'), body });
  };

  beforeAll(async () => {
    sut = await RunningSystem.start({ appEnv: { users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } } });
    const document = (await (await fetch(`${sut.gatewayUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/') || path.startsWith('/.well-known/'))
      .flatMap(([path, item]) => METHODS.filter((method) => item[method]).map((method) => ({ method: method.toUpperCase(), template: path })));
    contract = process.env.GALLEY_VALIDATE_RESPONSES === '0' ? undefined : await fetchResponseValidator(sut.gatewayUrl);

    const email = `edge-${randomUUID()}@example.com`;
    const password = 'a-long-enough-password';
    const registered = await fetch(`${sut.gatewayUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, name: 'Edge Customer' }),
    });
    expect(registered.status).toBe(201);
    callers = [
      { name: 'anonymous' },
      { name: 'customer', role: 'customer', token: await login(sut.gatewayUrl, email, password) },
      { name: 'admin', role: 'admin', token: await login(sut.gatewayUrl, ADMIN.email, ADMIN.password) },
    ];
  });

  afterAll(async () => {
    await sut?.stopAll();
  });

  it('finds the public routes of the services in the merged OpenAPI document', () => {
    const templates = operations.map((op) => `${op.method} ${op.template}`);
    expect(templates).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/users/me', 'GET /.well-known/jwks.json']));
  });

  it('has an access policy for every documented route', () => {
    const missing = operations.filter((op) => !policyFor(op.method, concrete(op.template)));
    expect(missing).toEqual([]);
  });

  it('answers every route as the policy says for anonymous, customer and admin callers, at the gateway and at the service', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    const undocumented: string[] = [];
    for (const op of operations) {
      const path = concrete(op.template);
      const policy = policyFor(op.method, path)!;
      for (const caller of callers) {
        const decision = decide(policy.access, caller.role);
        const res = await fetch(`${sut.gatewayUrl}${path}`, {
          method: op.method,
          headers: {
            ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
            ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
          },
          body: op.method === 'GET' || op.method === 'DELETE' ? undefined : '{}',
        });
        // An allowed live stream stays open: its status line is the answer.
        const streaming = res.headers.get('content-type')?.startsWith('text/event-stream');
        const text = streaming ? '' : await res.text();
        if (streaming) await res.body?.cancel();
        undocumented.push(...contractProblems(op.method, res, text).map((problem) => `${caller.name}: ${problem}`));
        // A refusal for want of a token carries a Bearer challenge; a public route's own 401 (a refresh without a
        // refresh token, wrong credentials) does not, and is the route's answer, not the policy's.
        const challenged = res.status === 401 && /^Bearer/i.test(res.headers.get('www-authenticate') ?? '');
        const actual = challenged ? 'unauthenticated' : res.status === 403 ? 'forbidden' : res.status >= 500 ? `server error ${res.status}` : 'allow';
        outcomes.push(`${caller.name} ${op.method} ${op.template} → ${actual}`);
        expected.push(`${caller.name} ${op.method} ${op.template} → ${decision}`);
      }
    }
    expect(outcomes).toEqual(expected);
    expect(undocumented).toEqual([]);
  });

  it('refuses a request that bypasses the gateway when the service route needs a token', async () => {
    const base = sut.serviceUrl('users');
    const direct = await fetch(`${base}/api/users/me`, { headers: { 'x-user-id': randomUUID(), 'x-user-role': 'admin' } });
    expect(direct.status).toBe(401);
    const customerToken = callers.find((c) => c.name === 'customer')!.token!;
    const adminOnly = await fetch(`${base}/api/admin/users`, { headers: { authorization: `Bearer ${customerToken}`, 'x-user-role': 'admin' } });
    expect(adminOnly.status).toBe(403);
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    ['alg none', `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"admin"}').toString('base64url')}.`],
    ['a tampered payload', 'TAMPER'],
  ])('answers a %s token with 401 on a customer route', async (_case, token) => {
    let value = token;
    if (token === 'TAMPER') {
      const [header, , signature] = callers.find((c) => c.name === 'customer')!.token!.split('.');
      const payload = Buffer.from(JSON.stringify({ sub: randomUUID(), role: 'admin', email: 'x@y.z', iss: 'galley', aud: 'galley-api', exp: 4102444800, iat: 1 })).toString(
        'base64url',
      );
      value = `${header}.${payload}.${signature}`;
    }
    const res = await fetch(`${sut.gatewayUrl}/api/users/me`, { headers: { authorization: `Bearer ${value}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  describe('guest checkout, the refresh cookie and order tracking links', () => {
    let api: GalleyClient;
    const COOKIE = /^galley_refresh=([A-Za-z0-9_-]{43}); HttpOnly; Secure; SameSite=Strict; Path=\/api\/auth; Max-Age=\d+$/;
    const cookieOf = (headers: Headers) => COOKIE.exec(headers.getSetCookie().join('\n'))?.[1];

    beforeAll(() => {
      api = new GalleyClient(sut.gatewayUrl);
    });

    /** A guest (refresh token in the cookie) with an order, and a tracking link for it. */
    async function guestWithOrder(): Promise<{ token: string; orderId: string; link: string; cookie: string }> {
      const admin = callers.find((c) => c.name === 'admin')!.token!;
      const { id: productId } = await api.newProduct(admin, { stock: 5, price: 900 });
      const db = adminPool();
      try {
        await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [productId])).rowCount === 1, { what: 'the product in orders' });
      } finally {
        await db.end();
      }
      const started = await api.call<{ accessToken: string; refreshToken?: string }>('POST', '/api/auth/guest', { body: { name: 'Edge Guest', cookie: true } });
      expect(started.status).toBe(201);
      expect(started.body.refreshToken).toBeUndefined();
      const cookie = cookieOf(started.headers);
      expect(cookie).toBeDefined();
      const token = started.body.accessToken;
      const placed = await api.placeOrder(token, [{ productId, quantity: 1 }]);
      expect(placed.status).toBe(201);
      const orderId = placed.body.id as string;
      await api.waitForPayment(token, orderId);
      const { token: link } = await api.expect<{ token: string; expiresAt: string }>(201, 'POST', '/api/auth/order-links', { token, body: { orderId } });
      return { token, orderId, link, cookie: cookie! };
    }

    it('passes Set-Cookie and Cookie through untouched: a guest refreshes from its cookie and gets the next one', async () => {
      const { cookie, token } = await guestWithOrder();
      const refreshed = await api.call<{ accessToken: string; refreshToken?: string }>('POST', '/api/auth/refresh', { headers: { cookie: `galley_refresh=${cookie}` } });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).toBeUndefined();
      const next = cookieOf(refreshed.headers);
      expect(next).toBeDefined();
      expect(next).not.toBe(cookie);
      const me = await api.expect<{ id: string; guest: boolean }>(200, 'GET', '/api/users/me', { token: refreshed.body.accessToken });
      expect(me.id).toBe((await api.expect<{ id: string }>(200, 'GET', '/api/users/me', { token })).id);
      expect(me.guest).toBe(true);
      const out = await api.call('POST', '/api/auth/logout', { headers: { cookie: `galley_refresh=${next}` } });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie()).toEqual(['galley_refresh=; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=0']);
    });

    it("lets a tracking link's token read, follow and cancel its order, and refuses it with 403 everywhere else", async () => {
      const { orderId, link, token } = await guestWithOrder();
      const order = await api.expect<{ id: string }>(200, 'GET', `/api/orders/${orderId}`, { token: link });
      expect(order.id).toBe(orderId);
      await api.expect(200, 'GET', `/api/orders/${orderId}/payment`, { token: link });
      const stream = await api.stream(`/api/orders/${orderId}/stream`, { token: link, tokenInQuery: true });
      try {
        expect(stream.status).toBe(200);
        await stream.waitFor((events) => events.some((event) => event.event === 'status'));
      } finally {
        stream.close();
      }

      const { orderId: otherOrder } = await guestWithOrder();
      const refused: Array<[string, string, unknown?]> = [
        ['GET', `/api/orders/${otherOrder}`],
        ['GET', `/api/orders/${otherOrder}/payment`],
        ['POST', `/api/orders/${otherOrder}/cancel`, {}],
        ['GET', '/api/orders'],
        ['POST', '/api/orders', { lines: [], fulfillment: { type: 'pickup' } }],
        ['GET', '/api/users/me'],
        ['POST', '/api/users/me/upgrade', { email: `x-${randomUUID()}@example.com`, password: 'a-long-enough-password', name: 'X' }],
        ['POST', '/api/auth/order-links', { orderId: otherOrder }],
        ['POST', '/api/auth/refresh', {}],
        ['GET', '/api/products'],
        ['GET', `/api/admin/orders/${orderId}`],
      ];
      for (const [method, path, body] of refused) {
        const answer = await api.call(method, path, { token: link, body });
        expect({ method, path, status: answer.status, body: answer.body }).toEqual({
          method,
          path,
          status: 403,
          body: { statusCode: 403, error: 'Forbidden', message: expect.any(String), requestId: expect.any(String) },
        });
      }
      const otherStream = await api.stream(`/api/orders/${otherOrder}/stream`, { token: link, tokenInQuery: true });
      expect(otherStream.status).toBe(403);
      otherStream.close();

      // The services refuse it too when reached without the gateway (defense in depth).
      const direct = (service: 'orders' | 'payments' | 'users', path: string) =>
        fetch(`${sut.serviceUrl(service)}${path}`, { headers: { authorization: `Bearer ${link}` } }).then((res) => res.status);
      expect(await direct('orders', `/api/orders/${orderId}`)).toBe(200);
      expect(await direct('orders', `/api/orders/${otherOrder}`)).toBe(403);
      expect(await direct('orders', '/api/orders')).toBe(403);
      expect(await direct('payments', `/api/orders/${otherOrder}/payment`)).toBe(403);
      expect(await direct('users', '/api/users/me')).toBe(403);

      const cancelled = await api.call<{ status: string }>('POST', `/api/orders/${orderId}/cancel`, { token: link, body: {} });
      expect(cancelled.status).toBe(200);
      expect((await api.order(token, orderId)).status).toBe(cancelled.body.status);
    });

    it("opens no one else's order: a link asked for another's order id answers 404 there", async () => {
      const { orderId } = await guestWithOrder();
      const stranger = callers.find((c) => c.name === 'customer')!.token!;
      const { token } = await api.expect<{ token: string }>(201, 'POST', '/api/auth/order-links', { token: stranger, body: { orderId } });
      expect((await api.call('GET', `/api/orders/${orderId}`, { token })).status).toBe(404);
    });

    it('upgrades the guest to a full account with the same id, whose orders stay its own', async () => {
      const { token, orderId } = await guestWithOrder();
      const email = `upgraded-${randomUUID()}@example.com`;
      const password = 'a-long-enough-password';
      const before = await api.expect<{ id: string }>(200, 'GET', '/api/users/me', { token });
      const upgraded = await api.expect<{ id: string; guest: boolean; email: string }>(200, 'POST', '/api/users/me/upgrade', {
        token,
        body: { email, password, name: 'Now Real' },
      });
      expect(upgraded).toMatchObject({ id: before.id, guest: false, email });
      const signedIn = await login(sut.gatewayUrl, email, password);
      expect((await api.order(signedIn, orderId)).id).toBe(orderId);
    });
  });

  it('sets security headers and answers CORS preflights only for configured origins', async () => {
    const res = await fetch(`${sut.gatewayUrl}/api/categories`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const allowed = await fetch(`${sut.gatewayUrl}/api/orders`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const refused = await fetch(`${sut.gatewayUrl}/api/orders`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never answers malformed requests to documented routes with a 5xx or a stack trace', async () => {
    const tokens = callers.map((c) => c.token);
    const weird = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('..', '%2e%2e', '%00', '%ff', '😀', 'a'.repeat(300), '-1', '0', 'null', "' OR 1=1 --"));
    const body = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.string({ maxLength: 200 }),
      fc.constantFrom('', '{', '[]', 'null', '{"email": 42}', '{"__proto__": {"admin": true}}', '{"password": "' + 'x'.repeat(5000) + '"}'),
    );
    const failures: string[] = [];
    const undocumented = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        weird,
        fc.option(fc.constantFrom(...tokens, 'Bearer', 'Basic abc', 'Bearer x.y.z'), { nil: undefined }),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', ''),
        body,
        fc.string({ maxLength: 30 }),
        async (op, param, token, contentType, payload, query) => {
          const path = concrete(op.template, () => encodeURIComponent(param) || 'x');
          const headers: Record<string, string> = {};
          if (token) headers.authorization = token.startsWith('Bearer') || token.startsWith('Basic') ? token : `Bearer ${token}`;
          if (contentType) headers['content-type'] = contentType;
          const res = await fetch(`${sut.gatewayUrl}${path}?${encodeURIComponent(query)}=${encodeURIComponent(param)}`, {
            method: op.method,
            headers,
            body: op.method === 'GET' ? undefined : payload,
          });
          // An open live stream (an admin's board) never ends: its status and headers are the answer.
          const streaming = res.headers.get('content-type')?.startsWith('text/event-stream');
          const text = streaming ? '' : await res.text();
          if (streaming) await res.body?.cancel();
          // Garbage may make the path another route's or none (`..`): only documented operations are checked.
          for (const problem of contractProblems(op.method, res, text)) if (!problem.endsWith('is not a documented operation')) undocumented.add(problem);
          if (res.status >= 500 || STACK.test(text)) failures.push(`${op.method} ${path} → ${res.status} ${text.slice(0, 200)}`);
          return res.status < 500 && !STACK.test(text);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    expect(failures).toEqual([]);
    expect([...undocumented]).toEqual([]);
  });
});
