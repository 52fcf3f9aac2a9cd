import { randomUUID } from 'node:crypto';
import { base64url, createLocalJWKSet, importJWK, jwtVerify, SignJWT } from 'jose';
import { generateSigningJwk } from '@galley/auth';
import { UsersTestApp } from './users-test-app';

describe('users access tokens and roles', () => {
  let sut: UsersTestApp;
  let customer: { id: string; email: string; accessToken: string };

  beforeAll(async () => {
    sut = await UsersTestApp.start();
    customer = await sut.signedIn('token-owner');
  });

  afterAll(async () => {
    await sut?.close();
  });

  const me = (authorization?: string) => {
    const req = sut.http.get('/api/users/me');
    return authorization === undefined ? req : req.set('Authorization', authorization);
  };

  /** A token with the service's real key (or another), its claims bent for one case. */
  async function forge(options: { exp?: number; aud?: string; iss?: string; role?: string; otherKey?: boolean; kid?: string } = {}): Promise<string> {
    const jwk = options.otherKey ? await generateSigningJwk() : sut.signingJwk;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: options.role ?? 'customer', email: customer.email })
      .setProtectedHeader({ alg: 'EdDSA', kid: options.kid ?? sut.signingJwk.kid, typ: 'at+jwt' })
      .setSubject(customer.id)
      .setIssuer(options.iss ?? 'galley')
      .setAudience(options.aud ?? 'galley-api')
      .setIssuedAt(now - 60)
      .setExpirationTime(options.exp ?? now + 600)
      .sign(await importJWK(jwk, 'EdDSA'));
  }

  it('accepts a token it issued, and one forged with its own key (the control for the cases below)', async () => {
    await me(`Bearer ${customer.accessToken}`).expect(200);
    await me(`Bearer ${await forge()}`).expect(200);
  });

  it('answers 401 with the JSON error shape and WWW-Authenticate when the token is missing', async () => {
    const res = await me().expect(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String), requestId: expect.any(String) });
  });

  it.each<[string, () => Promise<string>]>([
    ['garbage', async () => 'Bearer garbage'],
    ['three garbage segments', async () => 'Bearer a.b.c'],
    ['another scheme', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['an expired token', async () => `Bearer ${await forge({ exp: Math.floor(Date.now() / 1000) - 30 })}`],
    ['a token signed by another key under the same kid', async () => `Bearer ${await forge({ otherKey: true })}`],
    ['a token signed by an unknown key', async () => `Bearer ${await forge({ otherKey: true, kid: 'unknown' })}`],
    ['a token for another audience', async () => `Bearer ${await forge({ aud: 'elsewhere' })}`],
    ['a token from another issuer', async () => `Bearer ${await forge({ iss: 'evil' })}`],
    ['a token with an unknown role', async () => `Bearer ${await forge({ role: 'superuser' })}`],
    [
      'an unsigned token (alg none)',
      async () => {
        const now = Math.floor(Date.now() / 1000);
        const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: sut.signingJwk.kid }));
        const payload = base64url.encode(JSON.stringify({ sub: customer.id, role: 'admin', email: customer.email, iss: 'galley', aud: 'galley-api', iat: now, exp: now + 600 }));
        return `Bearer ${header}.${payload}.`;
      },
    ],
    [
      'a real token whose role was edited to admin',
      async () => {
        const [header, payload, signature] = customer.accessToken.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        return `Bearer ${header}.${base64url.encode(JSON.stringify({ ...claims, role: 'admin' }))}.${signature}`;
      },
    ],
  ])('answers 401 for %s', async (_case, header) => {
    const res = await me(await header()).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('issues EdDSA tokens with the documented claims, verifiable with the published JWKS', async () => {
    const jwks = await sut.http.get('/.well-known/jwks.json').expect(200);
    expect(jwks.headers['cache-control']).toContain('max-age');
    expect(jwks.body.keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: sut.signingJwk.x, kid: sut.signingJwk.kid, alg: 'EdDSA', use: 'sig' }]);
    const { payload, protectedHeader } = await jwtVerify(customer.accessToken, createLocalJWKSet(jwks.body), { issuer: 'galley', audience: 'galley-api' });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: sut.signingJwk.kid, typ: 'at+jwt' });
    expect(payload).toMatchObject({ sub: customer.id, role: 'customer', email: customer.email });
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  describe('GET /api/admin/users', () => {
    it('answers 401 without a token and 403 for a customer', async () => {
      await sut.http.get('/api/admin/users').expect(401);
      const res = await sut.http.get('/api/admin/users').set('Authorization', `Bearer ${customer.accessToken}`).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', requestId: expect.any(String) });
    });

    it('lists accounts newest first in pages for the start-up admin', async () => {
      const token = await sut.adminToken();
      const newer = await sut.register('listed');
      const first = await sut.http.get('/api/admin/users?limit=1').set('Authorization', `Bearer ${token}`).expect(200);
      expect(first.body.items).toEqual([{ id: newer.id, email: newer.email, name: 'listed', role: 'customer', guest: false, createdAt: expect.any(String) }]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await sut.http
        .get(`/api/admin/users?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0].id).not.toBe(newer.id);
      expect(new Date(second.body.items[0].createdAt) <= new Date(first.body.items[0].createdAt)).toBe(true);
    });

    it.each(['limit=0', 'limit=101', 'limit=abc', 'cursor=bogus', 'extra=1'])('answers 400 for ?%s', async (query) => {
      await sut.http
        .get(`/api/admin/users?${query}`)
        .set('Authorization', `Bearer ${await sut.adminToken()}`)
        .expect(400);
    });
  });

  it('created the start-up admin once, with the admin role, and announced it', async () => {
    const { rows } = await sut.db.query(`SELECT id, role FROM users.accounts WHERE email = $1`, [sut.adminEmail]);
    expect(rows).toEqual([{ id: expect.any(String), role: 'admin' }]);
    const events = await sut.db.query(`SELECT envelope FROM users.outbox WHERE message_key = $1`, [rows[0].id]);
    expect(events.rows.map((row) => row.envelope.payload.role)).toEqual(['admin']);
  });

  it('answers /health/live without a token', async () => {
    await sut.http.get('/health/live').expect(200);
  });

  it('documents every route with its bearer auth in OpenAPI', async () => {
    const doc = (await sut.http.get('/docs-json').expect(200)).body;
    const operations = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, secured: Boolean(operation.security?.length) })),
    );
    const secured = operations
      .filter((op) => op.secured)
      .map((op) => op.route)
      .sort();
    expect(secured).toEqual(
      [
        'GET /api/users/me',
        'PATCH /api/users/me',
        'POST /api/users/me/password',
        'POST /api/users/me/upgrade',
        'POST /api/auth/order-links',
        'GET /api/users/me/addresses',
        'POST /api/users/me/addresses',
        'PATCH /api/users/me/addresses/{id}',
        'DELETE /api/users/me/addresses/{id}',
        'GET /api/admin/users',
        'GET /api/admin/dead-letters/users',
        'POST /api/admin/dead-letters/users/replay',
      ].sort(),
    );
    expect(operations.map((op) => op.route)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/register',
        'POST /api/auth/login',
        'POST /api/auth/guest',
        'POST /api/auth/refresh',
        'POST /api/auth/logout',
        'GET /.well-known/jwks.json',
      ]),
    );
  });

  it('answers 404, not 401, for a route that does not exist', async () => {
    await sut.http.get(`/api/users/${randomUUID()}`).expect(404);
  });
});
