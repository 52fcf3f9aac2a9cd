import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GalleyClient, RunningSystem, waitFor } from '@galley/testing';

/** users' per-address budget of /api/auth requests in this system (small, so the limit is reached quickly). */
const AUTH_LIMIT = 20;
/** The gateway's per-address budget of requests in this system. */
const EDGE_LIMIT = 100;
/** Failures of one email from all clients before clients the account does not know are slowed down. */
const EMAIL_FREE_FAILURES = 8;
const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'edge-abuse-admin-password' };
/** A loopback address the gateway treats as a trusted ingress proxy in front of it. */
const INGRESS = '127.0.0.2';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request to the gateway from a chosen local address (all of 127.0.0.0/8 is this machine),
 * so a test can be several clients, or a proxy, without any header telling the gateway so.
 */
function send(base: string, from: string, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: from,
        agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The `clientAddress` of users' request lines for `path` (the address its per-address limits count). */
function usersSawAddresses(sut: RunningSystem, path: string): string[] {
  return (sut.process('users')?.stdout ?? '')
    .split('\n')
    .filter((line) => line.includes('"request completed"') && line.includes(`"url":"${path}`))
    .map((line) => (JSON.parse(line) as { clientAddress?: string }).clientAddress ?? '');
}

describe('The edge under attack', () => {
  let sut: RunningSystem;

  beforeAll(async () => {
    sut = await RunningSystem.start({
      appEnv: {
        users: {
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          AUTH_RATE_LIMIT_PER_ADDRESS: String(AUTH_LIMIT),
          AUTH_RATE_LIMIT_WINDOW_SECONDS: '600',
          LOGIN_FAILURES_PER_EMAIL: String(EMAIL_FREE_FAILURES),
          // A first delay of 30 s (default 1 s), so a slow machine cannot outwait it between two requests.
          LOGIN_SLOWDOWN_BASE_SECONDS: '30',
        },
        gateway: { TRUSTED_INGRESS_CIDRS: INGRESS, RATE_LIMIT_PER_ADDRESS: String(EDGE_LIMIT), RATE_LIMIT_WINDOW_SECONDS: '600' },
      },
    });
  });

  afterAll(async () => {
    await sut?.stopAll();
  });

  describe('forwarded addresses', () => {
    const login = (from: string, headers: Record<string, string> = {}) =>
      send(sut.gatewayUrl, from, 'POST', '/api/auth/login', headers, { email: `nobody-${randomUUID()}@example.com`, password: 'wrong-password-1' });

    it('limits a client that forges a new X-Forwarded-For on every request exactly like one that sends none', async () => {
      const forger = '127.0.0.5';
      const plain = '127.0.0.6';
      for (let i = 0; i < AUTH_LIMIT; i += 1) {
        expect((await login(forger, { 'x-forwarded-for': `198.51.100.${i + 1}`, forwarded: `for=192.0.2.${i + 1}` })).status).toBe(401);
        expect((await login(plain)).status).toBe(401);
      }
      const forged = await login(forger, { 'x-forwarded-for': '198.51.100.200' });
      const unforged = await login(plain);
      for (const limited of [forged, unforged]) {
        expect(limited.status).toBe(429);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        expect(JSON.parse(limited.body)).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      }
      // users saw the socket's address every time, never a forged one.
      const seen = await waitFor(
        async () => {
          const addresses = usersSawAddresses(sut, '/api/auth/login');
          const complete = [forger, plain].every((client) => addresses.filter((a) => a === client).length === AUTH_LIMIT + 1);
          return complete ? addresses : undefined;
        },
        { what: `users to log ${AUTH_LIMIT + 1} logins from ${forger} and from ${plain}` },
      );
      expect(seen.filter((address) => address.startsWith('198.51.100.') || address.startsWith('192.0.2.'))).toEqual([]);
    });

    it('believes a trusted ingress proxy about its client, and only the hop it added', async () => {
      const res = await login(INGRESS, { 'x-forwarded-for': '203.0.113.250, 203.0.113.77' });
      expect(res.status).toBe(401);
      const seen = await waitFor(async () => usersSawAddresses(sut, '/api/auth/login').find((a) => a.startsWith('203.0.113.')), {
        what: 'users to log the login through the ingress',
      });
      expect(seen).toBe('203.0.113.77');
    });
  });

  describe('the gateway rate limit', () => {
    it('answers 429 with Retry-After and the JSON error past the per-address budget, per address, before any token work', async () => {
      const client = '127.0.0.7';
      for (let i = 0; i < EDGE_LIMIT; i += 1) {
        const res = await send(sut.gatewayUrl, client, 'GET', i % 2 ? '/api/store' : '/api/users/me');
        expect(res.status).toBe(i % 2 ? 200 : 401);
      }
      for (const path of ['/api/store', '/api/users/me', '/api/orders']) {
        const limited = await send(sut.gatewayUrl, client, 'GET', path, { authorization: 'Bearer not-a-token' });
        expect(limited.status).toBe(429);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(500);
        expect(JSON.parse(limited.body)).toMatchObject({
          statusCode: 429,
          error: 'Too Many Requests',
          message: expect.stringMatching(/Retry-After/),
          requestId: expect.any(String),
        });
      }
      // Forged forwarding headers do not buy a fresh budget; another address has its own.
      expect((await send(sut.gatewayUrl, client, 'GET', '/api/store', { 'x-forwarded-for': '198.51.100.9' })).status).toBe(429);
      expect((await send(sut.gatewayUrl, '127.0.0.8', 'GET', '/api/store')).status).toBe(200);
      // Stripe's webhook is signed and retried by Stripe: never limited by address (a bad signature is payments' 400).
      expect((await send(sut.gatewayUrl, client, 'POST', '/api/webhooks/stripe', { 'stripe-signature': 't=1,v1=00' }, {})).status).toBe(400);
    });
  });

  describe('failed logins', () => {
    const password = 'the-owners-password-1';
    const loginFrom = (from: string, email: string, secret: string, cookie?: string) =>
      send(sut.gatewayUrl, from, 'POST', '/api/auth/login', cookie ? { cookie } : {}, { email, password: secret });
    const deviceOf = (answer: Answer) => ([answer.headers['set-cookie']].flat() as string[]).find((c) => c?.startsWith('galley_device='))?.split(';')[0];

    it('slow down the address that guesses, never the owner signing in elsewhere, nor a device that signed in before', async () => {
      const email = `owner-${randomUUID()}@example.com`;
      expect((await send(sut.gatewayUrl, '127.0.0.1', 'POST', '/api/auth/register', {}, { email, password, name: 'Owner' })).status).toBe(201);
      // The owner signed in from this browser before: it keeps a device marker.
      const first = await loginFrom('127.0.0.4', email, password);
      expect(first.status).toBe(200);
      const device = deviceOf(first);
      expect(device).toMatch(/^galley_device=[A-Za-z0-9_-]{43}$/);

      // Address A guesses 10 times: 5 wrong answers, then it is slowed down.
      const attacker = '127.0.0.3';
      const answers = [];
      for (let i = 0; i < 10; i += 1) answers.push(await loginFrom(attacker, email, `guess-number-${i}`));
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
      for (const slowed of answers.slice(5)) {
        expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(25);
        expect(JSON.parse(slowed.body)).toMatchObject({ statusCode: 429, message: expect.stringMatching(/failed logins/) });
      }
      // The owner signs in from B (a new address, no marker) and from the known device; A is slowed even with the right password.
      expect((await loginFrom('127.0.0.9', email, password)).status).toBe(200);
      expect((await loginFrom('127.0.0.4', email, password, device)).status).toBe(200);
      expect((await loginFrom(attacker, email, password)).status).toBe(429);

      // A second attacker pushes the email past its free failures: now every unknown client waits, the device does not.
      for (let i = 0; i < 5; i += 1) await loginFrom('127.0.0.11', email, `other-guess-${i}`);
      const unknown = await loginFrom('127.0.0.12', email, password);
      expect(unknown.status).toBe(429);
      expect(Number(unknown.headers['retry-after'])).toBeGreaterThanOrEqual(25);
      const known = await loginFrom('127.0.0.13', email, password, device);
      expect(known.status).toBe(200);
      expect(JSON.parse(known.body)).toMatchObject({ accessToken: expect.any(String) });
    });
  });

  describe('live streams', () => {
    let api: GalleyClient;
    let admin: string;
    const BOARD = '/api/admin/orders/stream';

    beforeAll(async () => {
      api = new GalleyClient(sut.gatewayUrl);
      admin = await api.login(ADMIN.email, ADMIN.password);
    });

    const ticketFor = async (token: string) => {
      const issued = await api.call<{ ticket: string; expiresAt: string }>('POST', '/api/stream-tickets', { token });
      expect(issued.status).toBe(201);
      expect(issued.headers.get('cache-control')).toBe('no-store');
      const lifetime = new Date(issued.body.expiresAt).getTime() - Date.now();
      expect(lifetime).toBeGreaterThan(50_000);
      expect(lifetime).toBeLessThanOrEqual(60_000);
      return issued.body.ticket;
    };
    const openWithTicket = async (ticket: string) => {
      const controller = new AbortController();
      const res = await fetch(`${sut.gatewayUrl}${BOARD}?ticket=${encodeURIComponent(ticket)}`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      return { res, close: () => controller.abort() };
    };

    it('open with a single-use ticket in the URL, never a bearer token, and the ticket is not logged', async () => {
      const ticket = await ticketFor(admin);
      const first = await openWithTicket(ticket);
      try {
        expect(first.res.status).toBe(200);
        expect(first.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
        // Used: the same URL opens nothing more.
        const again = await openWithTicket(ticket);
        expect(again.res.status).toBe(401);
        expect(await again.res.json()).toMatchObject({ statusCode: 401, message: expect.stringMatching(/ticket/) });
      } finally {
        first.close();
      }
      // A bearer token in the URL is not accepted any more, nor a forged ticket.
      const inUrl = await fetch(`${sut.gatewayUrl}${BOARD}?access_token=${encodeURIComponent(admin)}`);
      expect(inUrl.status).toBe(401);
      expect((await openWithTicket('A'.repeat(80))).res.status).toBe(401);
      // Anonymous callers get no ticket.
      expect((await api.call('POST', '/api/stream-tickets')).status).toBe(401);
      const logged = await waitFor(
        async () => {
          const lines = (sut.process('gateway')?.stdout ?? '').split('\n').filter((line) => line.includes(`"url":"${BOARD}?`));
          return lines.length >= 3 ? lines : undefined;
        },
        { what: 'the gateway to log the stream requests' },
      );
      expect(logged.join('\n')).not.toContain(ticket);
      expect(logged.join('\n')).not.toContain(admin);
      expect(logged.join('\n')).toContain('ticket=[redacted]');
    });

    it('allow 5 open streams per account and answer the 6th with 429 until one closes', async () => {
      const open = [];
      try {
        for (let i = 0; i < 5; i += 1) {
          const stream = await api.stream(BOARD, { token: admin, tokenInQuery: i % 2 === 0 });
          expect(stream.status).toBe(200);
          open.push(stream);
        }
        const sixth = await fetch(`${sut.gatewayUrl}${BOARD}`, { headers: { authorization: `Bearer ${admin}` } });
        expect(sixth.status).toBe(429);
        expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await sixth.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/5 live streams/) });
        // Another account is not affected.
        const customer = await api.newCustomer();
        const theirs = await api.stream(BOARD.replace('/admin/orders', '/orders/' + randomUUID()), { token: customer.token });
        expect(theirs.status).not.toBe(429);
        theirs.close();

        open.shift()!.close();
        const replacement = await waitFor(
          async () => {
            const res = await fetch(`${sut.gatewayUrl}${BOARD}`, { headers: { authorization: `Bearer ${admin}` } });
            if (res.status === 200) return res;
            await res.body?.cancel();
            return undefined;
          },
          { what: 'a stream slot to free up once one stream closed' },
        );
        await replacement.body?.cancel();
      } finally {
        for (const stream of open) stream.close();
      }
    });
  });

  describe('revoked sessions', () => {
    let api: GalleyClient;
    const BOARD = '/api/admin/orders/stream';

    beforeAll(() => {
      api = new GalleyClient(sut.gatewayUrl);
    });

    const signIn = async (password = ADMIN.password) =>
      api.expect<{ accessToken: string; refreshToken: string }>(200, 'POST', '/api/auth/login', { body: { email: ADMIN.email, password } });
    /** Resolves when the server ends the stream (its body is done). */
    const ended = (stream: Awaited<ReturnType<GalleyClient['stream']>>) =>
      Promise.race([stream.done.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]);

    it('end the streams of a signed-out session at once, and its still valid token opens no new one', async () => {
      const first = await signIn();
      const second = await signIn();
      const mine = await api.stream(BOARD, { token: first.accessToken, tokenInQuery: true });
      const other = await api.stream(BOARD, { token: second.accessToken });
      try {
        expect([mine.status, other.status]).toEqual([200, 200]);
        await mine.waitFor((events) => events.some((event) => event.event === 'ready'));
        expect((await api.call('POST', '/api/auth/logout', { body: { refreshToken: first.refreshToken } })).status).toBe(204);
        expect(await ended(mine)).toBe(true);
        // The access token is valid for minutes still, but no longer for streams.
        const retry = await fetch(`${sut.gatewayUrl}${BOARD}`, { headers: { authorization: `Bearer ${first.accessToken}` } });
        expect(retry.status).toBe(401);
        expect(await retry.json()).toMatchObject({ message: expect.stringMatching(/sign-in has ended/) });
        expect((await api.call('POST', '/api/stream-tickets', { token: first.accessToken })).status).toBe(401);
        // The other session's stream goes on.
        const stillOpen = await Promise.race([other.done.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('open'), 1000))]);
        expect(stillOpen).toBe('open');
      } finally {
        mine.close();
        other.close();
      }
    });

    it('end every stream of the account when its password changes', async () => {
      const session = await signIn();
      const streams = [await api.stream(BOARD, { token: session.accessToken }), await api.stream(BOARD, { token: session.accessToken, tokenInQuery: true })];
      try {
        for (const stream of streams) await stream.waitFor((events) => events.some((event) => event.event === 'ready'));
        const changed = await api.call('POST', '/api/users/me/password', {
          token: session.accessToken,
          body: { currentPassword: ADMIN.password, newPassword: 'a-new-admin-password-2' },
        });
        expect(changed.status).toBe(204);
        expect(await Promise.all(streams.map(ended))).toEqual([true, true]);
        expect((await fetch(`${sut.gatewayUrl}${BOARD}`, { headers: { authorization: `Bearer ${session.accessToken}` } })).status).toBe(401);
      } finally {
        for (const stream of streams) stream.close();
      }
    });
  });
});
