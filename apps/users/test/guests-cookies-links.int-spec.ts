import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { PASSWORD, UsersTestApp } from './users-test-app';

const COOKIE = /^galley_refresh=([A-Za-z0-9_-]{43}); HttpOnly; Secure; SameSite=Strict; Path=\/api\/auth; Max-Age=2592000$/;
const CLEARED = 'galley_refresh=; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=0';
const ERROR_SHAPE = { statusCode: expect.any(Number), error: expect.any(String), message: expect.any(String), requestId: expect.any(String) };

/** The cookies a response set, but the device marker a password login also sets (see sessions.int-spec). */
const setCookies = (res: { headers: Record<string, unknown> }) =>
  ((res.headers['set-cookie'] as string[] | undefined) ?? []).filter((cookie) => !cookie.startsWith('galley_device='));

/** The refresh token a response set as the cookie (fails the test when it set none or a malformed one). */
function cookieOf(res: { headers: Record<string, unknown> }): string {
  const cookies = setCookies(res);
  expect(cookies).toHaveLength(1);
  const match = COOKIE.exec(cookies[0]);
  expect(match).not.toBeNull();
  return match![1];
}

describe('users refresh cookie, guest checkout, guest upgrade and order tracking links', () => {
  let sut: UsersTestApp;

  beforeAll(async () => {
    sut = await UsersTestApp.start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const withCookie = (token: string) => ({ Cookie: `theme=dark; galley_refresh=${token}` });

  async function guest(body: Record<string, unknown> = {}) {
    const res = await sut.http.post('/api/auth/guest').send(body).expect(201);
    const me = await sut.http.get('/api/users/me').set(bearer(res.body.accessToken)).expect(200);
    sut.track(me.body.id);
    return { res, me: me.body as { id: string; email: string | null; name: string; role: string; guest: boolean } };
  }

  describe('the refresh token as an httpOnly cookie', () => {
    it('login with cookie: true sets the cookie and leaves the refresh token out of the body', async () => {
      const { email } = await sut.register('cookie-login');
      const res = await sut.http.post('/api/auth/login').send({ email, password: PASSWORD, cookie: true }).expect(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
      const token = cookieOf(res);
      await sut.http.post('/api/auth/refresh').send({ refreshToken: token }).expect(200);
    });

    it('login without cookie answers as before and sets no refresh cookie, only the device marker', async () => {
      const { email } = await sut.register('body-login');
      const res = await sut.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresIn: 900 });
      expect(setCookies(res)).toEqual([]);
      expect(res.headers['set-cookie']).toEqual([
        expect.stringMatching(/^galley_device=[A-Za-z0-9_-]{43}; HttpOnly; Secure; SameSite=Strict; Path=\/api\/auth\/login; Max-Age=31536000$/),
      ]);
    });

    it('refresh reads the cookie when the body has no token, rotates it back into the cookie, and detects reuse of the old one', async () => {
      const { email } = await sut.register('cookie-rotate');
      const first = cookieOf(await sut.http.post('/api/auth/login').send({ email, password: PASSWORD, cookie: true }).expect(200));
      const rotated = await sut.http.post('/api/auth/refresh').set(withCookie(first)).expect(200);
      expect(rotated.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
      const second = cookieOf(rotated);
      expect(second).not.toBe(first);
      const third = cookieOf(await sut.http.post('/api/auth/refresh').set(withCookie(second)).send({}).expect(200));

      // The first cookie again: reuse; the family (and so the current cookie) is revoked and the cookie cleared.
      const reused = await sut.http.post('/api/auth/refresh').set(withCookie(first)).expect(401);
      expect(reused.body).toEqual({ ...ERROR_SHAPE, statusCode: 401, error: 'Unauthorized' });
      expect(setCookies(reused)).toEqual([CLEARED]);
      await sut.http.post('/api/auth/refresh').set(withCookie(third)).expect(401);
    });

    it('refresh of a body token with cookie: true moves the rotated token into the cookie', async () => {
      const { refreshToken } = await sut.signedIn('body-to-cookie');
      const res = await sut.http.post('/api/auth/refresh').send({ refreshToken, cookie: true }).expect(200);
      expect(res.body.refreshToken).toBeUndefined();
      await sut.http
        .post('/api/auth/refresh')
        .set(withCookie(cookieOf(res)))
        .expect(200);
    });

    it('a body token wins over the cookie, and is answered in the body as before', async () => {
      const { refreshToken } = await sut.signedIn('body-wins');
      const res = await sut.http
        .post('/api/auth/refresh')
        .set(withCookie('Z'.repeat(43)))
        .send({ refreshToken })
        .expect(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
      expect(setCookies(res)).toEqual([]);
    });

    it('refresh without a token in the body or a cookie answers 401 in the JSON error shape', async () => {
      const res = await sut.http.post('/api/auth/refresh').send({}).expect(401);
      expect(res.body).toEqual({ ...ERROR_SHAPE, statusCode: 401, error: 'Unauthorized' });
      expect(res.body.message).toContain('galley_refresh');
      await sut.http.post('/api/auth/refresh').set('Cookie', 'galley_refresh=').expect(401);
      await sut.http.post('/api/auth/refresh').set('Cookie', 'galley_refresh=not-a-token').expect(401);
    });

    it.each([
      ['cookie that is not a boolean', { cookie: 'yes' }],
      ['empty refreshToken', { refreshToken: '' }],
    ])('refresh answers 400 for a %s', async (_case, body) => {
      await sut.http.post('/api/auth/refresh').send(body).expect(400);
    });

    it('logout ends the sign-in of the cookie and clears it', async () => {
      const { email } = await sut.register('cookie-logout');
      const token = cookieOf(await sut.http.post('/api/auth/login').send({ email, password: PASSWORD, cookie: true }).expect(200));
      const res = await sut.http.post('/api/auth/logout').set(withCookie(token)).expect(204);
      expect(setCookies(res)).toEqual([CLEARED]);
      await sut.http.post('/api/auth/refresh').set(withCookie(token)).expect(401);
    });

    it('logout without any token still answers 204 and clears the cookie; a body token still works', async () => {
      expect(setCookies(await sut.http.post('/api/auth/logout').expect(204))).toEqual([CLEARED]);
      const { refreshToken } = await sut.signedIn('body-logout');
      expect(setCookies(await sut.http.post('/api/auth/logout').send({ refreshToken }).expect(204))).toEqual([CLEARED]);
      await sut.http.post('/api/auth/refresh').send({ refreshToken }).expect(401);
    });
  });

  describe('POST /api/auth/guest', () => {
    it('creates a signed-in guest customer without a password or an email', async () => {
      const { res, me } = await guest();
      expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresIn: 900 });
      expect(me).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: null, name: 'Guest', role: 'customer', guest: true });
      const claims = decodeJwt(res.body.accessToken);
      expect(claims).toMatchObject({ sub: me.id, role: 'customer', guest: true });
      expect(claims.email).toBeUndefined();
      const { rows } = await sut.db.query(`SELECT guest, password_hash, email FROM users.accounts WHERE id = $1`, [me.id]);
      expect(rows).toEqual([{ guest: true, password_hash: null, email: null }]);
      // A guest is not announced until it upgrades.
      expect((await sut.db.query(`SELECT 1 FROM users.outbox WHERE message_key = $1`, [me.id])).rows).toEqual([]);
    });

    it('keeps a given name and email (normalised), even an email a full account has, and sets the cookie when asked', async () => {
      const owner = await sut.register('shared-email');
      const { res, me } = await guest({ name: '  Gus ', email: ` ${owner.email.toUpperCase()} `, cookie: true });
      expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
      expect(me).toMatchObject({ email: owner.email, name: 'Gus', guest: true });
      const refreshed = await sut.http
        .post('/api/auth/refresh')
        .set(withCookie(cookieOf(res)))
        .expect(200);
      const again = await sut.http.get('/api/users/me').set(bearer(refreshed.body.accessToken)).expect(200);
      expect(again.body.id).toBe(me.id);
      // The email still signs in to the full account, never to the guest.
      const login = await sut.login(owner.email);
      expect(decodeJwt(login.accessToken).sub).toBe(owner.id);
    });

    it('cannot be signed in to with a password, nor change one', async () => {
      const email = sut.email('guest-no-password');
      const { res } = await guest({ email });
      await sut.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
      const change = await sut.http
        .post('/api/users/me/password')
        .set(bearer(res.body.accessToken))
        .send({ currentPassword: PASSWORD, newPassword: 'another long password' })
        .expect(409);
      expect(change.body).toEqual({ ...ERROR_SHAPE, statusCode: 409, error: 'Conflict' });
    });

    it.each([
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['a blank name', { name: '   ' }, 'name'],
      ['an unknown field', { role: 'admin' }, 'role'],
      ['a password', { password: PASSWORD }, 'password'],
    ])('answers 400 naming the field for %s', async (_case, body, field) => {
      const res = await sut.http.post('/api/auth/guest').send(body).expect(400);
      expect(res.body.message).toContain(field);
    });
  });

  describe('POST /api/users/me/upgrade', () => {
    it('turns the guest into a full account with the same id, announced, whose sign-ins continue', async () => {
      const { res, me } = await guest({ name: 'Soon Real' });
      const email = sut.email('upgraded');
      const upgraded = await sut.http
        .post('/api/users/me/upgrade')
        .set(bearer(res.body.accessToken))
        .send({ email: email.toUpperCase(), password: PASSWORD, name: 'Real Now' })
        .expect(200);
      expect(upgraded.body).toEqual({ id: me.id, email, name: 'Real Now', role: 'customer', guest: false });

      const login = await sut.login(email);
      expect(decodeJwt(login.accessToken)).toMatchObject({ sub: me.id, email });
      expect(decodeJwt(login.accessToken).guest).toBeUndefined();
      const refreshed = await sut.http.post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
      expect(decodeJwt(refreshed.body.accessToken)).toMatchObject({ sub: me.id, email });

      const events = await sut.db.query(`SELECT envelope FROM users.outbox WHERE message_key = $1`, [me.id]);
      expect(events.rows.map((row) => [row.envelope.type, row.envelope.payload])).toEqual([['user.registered', { userId: me.id, email, name: 'Real Now', role: 'customer' }]]);

      // Its old guest token still names it, but it is no guest any more.
      const twice = await sut.http
        .post('/api/users/me/upgrade')
        .set(bearer(res.body.accessToken))
        .send({ email: sut.email('twice'), password: PASSWORD, name: 'X' })
        .expect(409);
      expect(twice.body).toEqual({ ...ERROR_SHAPE, statusCode: 409, error: 'Conflict' });
    });

    it('answers 409 for an account that is not a guest', async () => {
      const customer = await sut.signedIn('not-a-guest');
      await sut.http
        .post('/api/users/me/upgrade')
        .set(bearer(customer.accessToken))
        .send({ email: sut.email('other'), password: PASSWORD, name: 'X' })
        .expect(409);
      const me = await sut.http.get('/api/users/me').set(bearer(customer.accessToken)).expect(200);
      expect(me.body.email).toBe(customer.email);
    });

    it('answers 409 when a full account has the email, and leaves the guest a guest', async () => {
      const owner = await sut.register('email-owner');
      const { res, me } = await guest();
      const taken = await sut.http.post('/api/users/me/upgrade').set(bearer(res.body.accessToken)).send({ email: owner.email, password: PASSWORD, name: 'Copycat' }).expect(409);
      expect(taken.body.message).toMatch(/email/i);
      const after = await sut.http.get('/api/users/me').set(bearer(res.body.accessToken)).expect(200);
      expect(after.body).toEqual(me);
    });

    it('answers 409 to one of two upgrades racing for one email', async () => {
      const email = sut.email('race-upgrade');
      const guests = await Promise.all([guest(), guest()]);
      const statuses = await Promise.all(
        guests.map(async ({ res }) => (await sut.http.post('/api/users/me/upgrade').set(bearer(res.body.accessToken)).send({ email, password: PASSWORD, name: 'Racer' })).status),
      );
      expect(statuses.sort()).toEqual([200, 409]);
    });

    it.each([
      ['a short password', { password: '123456789', name: 'X' }, 'password'],
      ['no name', { password: PASSWORD }, 'name'],
      ['a bad email', { email: 'nope', password: PASSWORD, name: 'X' }, 'email'],
    ])('answers 400 for %s', async (_case, body, field) => {
      const { res } = await guest();
      const answer = await sut.http
        .post('/api/users/me/upgrade')
        .set(bearer(res.body.accessToken))
        .send({ email: sut.email('bad-upgrade'), ...body })
        .expect(400);
      expect(answer.body.message).toContain(field);
    });

    it('answers 401 without a token', async () => {
      await sut.http
        .post('/api/users/me/upgrade')
        .send({ email: sut.email('anon'), password: PASSWORD, name: 'X' })
        .expect(401);
    });
  });

  describe('POST /api/auth/order-links', () => {
    it('issues a 30-day token with the caller as subject, the customer role and the order scope, signed with the access-token keys', async () => {
      const customer = await sut.signedIn('tracker');
      const orderId = randomUUID();
      const before = Date.now();
      const res = await sut.http.post('/api/auth/order-links').set(bearer(customer.accessToken)).send({ orderId: orderId.toUpperCase() }).expect(201);
      expect(res.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String) });
      const expiresAt = new Date(res.body.expiresAt).getTime();
      expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 2592000 * 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 2592000 * 1000);

      const jwks = (await sut.http.get('/.well-known/jwks.json').expect(200)).body;
      const { payload, protectedHeader } = await jwtVerify(res.body.token, createLocalJWKSet(jwks), { issuer: 'galley', audience: 'galley-api', typ: 'at+jwt' });
      expect(protectedHeader.alg).toBe('EdDSA');
      expect(payload).toMatchObject({ sub: customer.id, role: 'customer', email: customer.email, scope: `order:${orderId}` });
      expect(payload.exp! * 1000).toBe(expiresAt);
    });

    it('gives an admin a link with the customer role only', async () => {
      const res = await sut.http
        .post('/api/auth/order-links')
        .set(bearer(await sut.adminToken()))
        .send({ orderId: randomUUID() })
        .expect(201);
      expect(decodeJwt(res.body.token).role).toBe('customer');
    });

    it('gives a guest a link without an email', async () => {
      const { res, me } = await guest();
      const link = await sut.http.post('/api/auth/order-links').set(bearer(res.body.accessToken)).send({ orderId: randomUUID() }).expect(201);
      expect(decodeJwt(link.body.token)).toMatchObject({ sub: me.id, guest: true, role: 'customer' });
    });

    it("refuses the scoped token with 403 on the service's own routes (it opens only its order)", async () => {
      const customer = await sut.signedIn('scoped');
      const link = (await sut.http.post('/api/auth/order-links').set(bearer(customer.accessToken)).send({ orderId: randomUUID() }).expect(201)).body;
      for (const req of [
        sut.http.get('/api/users/me'),
        sut.http.get('/api/users/me/addresses'),
        sut.http.post('/api/auth/order-links').send({ orderId: randomUUID() }),
        sut.http.post('/api/users/me/upgrade').send({ email: sut.email('scoped-up'), password: PASSWORD, name: 'X' }),
      ]) {
        const res = await req.set(bearer(link.token)).expect(403);
        expect(res.body).toEqual({ ...ERROR_SHAPE, statusCode: 403, error: 'Forbidden' });
      }
    });

    it.each([
      ['an orderId that is not a UUID', { orderId: 'abc' }],
      ['no orderId', {}],
      ['an unknown field', { orderId: randomUUID(), scope: 'admin' }],
    ])('answers 400 for %s', async (_case, body) => {
      const customer = await sut.signedIn('bad-link');
      await sut.http.post('/api/auth/order-links').set(bearer(customer.accessToken)).send(body).expect(400);
    });

    it('answers 401 without a token', async () => {
      await sut.http.post('/api/auth/order-links').send({ orderId: randomUUID() }).expect(401);
    });
  });
});
