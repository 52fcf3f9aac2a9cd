import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { PASSWORD, UsersTestApp } from './users-test-app';

describe('users sessions (register, login, refresh, logout)', () => {
  let sut: UsersTestApp;

  beforeAll(async () => {
    sut = await UsersTestApp.start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  describe('POST /api/auth/register', () => {
    it('creates a customer with a normalised email and answers 201 without secrets', async () => {
      const email = sut.email('Register');
      const res = await sut.http
        .post('/api/auth/register')
        .send({ email: `  ${email.toUpperCase()} `, password: PASSWORD, name: ' Ada ' })
        .expect(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email, name: 'Ada', role: 'customer', guest: false });
      const { rows } = await sut.db.query(`SELECT email, password_hash FROM users.accounts WHERE id = $1`, [res.body.id]);
      expect(rows[0].email).toBe(email);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('answers 409 when the email is taken in another case and spacing', async () => {
      const { email } = await sut.register('taken');
      const res = await sut.http
        .post('/api/auth/register')
        .send({ email: ` ${email.toUpperCase()}`, password: PASSWORD, name: 'Twin' })
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', requestId: expect.any(String) });
    });

    it('answers 409 to one of two simultaneous registrations of an email', async () => {
      const email = sut.email('race');
      const statuses = await Promise.all([1, 2, 3].map(async () => (await sut.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Racer' })).status));
      expect(statuses.sort()).toEqual([201, 409, 409]);
    });

    it('answers 400 naming the password when it is under 10 characters', async () => {
      const res = await sut.http
        .post('/api/auth/register')
        .send({ email: sut.email('short'), password: '123456789', name: 'Shorty' })
        .expect(400);
      expect(res.body.message).toMatch(/^password /);
      expect(res.body.message).toContain('10');
    });

    it.each([
      ['a bad email', { email: 'not-an-email', password: PASSWORD, name: 'X' }, 'email'],
      ['no name', { email: 'x@example.com', password: PASSWORD }, 'name'],
      ['a blank name', { email: 'x@example.com', password: PASSWORD, name: '   ' }, 'name'],
      ['an unknown field', { email: 'x@example.com', password: PASSWORD, name: 'X', role: 'admin' }, 'role'],
      ['a password that is a number', { email: 'x@example.com', password: 12345678901, name: 'X' }, 'password'],
    ])('answers 400 naming the field for %s', async (_case, body, field) => {
      const res = await sut.http.post('/api/auth/register').send(body).expect(400);
      expect(res.body.message).toContain(field);
    });
  });

  describe('POST /api/auth/login', () => {
    it('answers tokens for the right password, in any case of the email', async () => {
      const { email } = await sut.register('login');
      const res = await sut.http.post('/api/auth/login').send({ email: email.toUpperCase(), password: PASSWORD }).expect(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresIn: 900 });
      const me = await sut.http.get('/api/users/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toEqual({ id: expect.any(String), email, name: 'login', role: 'customer', guest: false });
    });

    it('answers the same 401 for an unknown email and for a wrong password', async () => {
      const { email } = await sut.register('same401');
      const unknown = await sut.http
        .post('/api/auth/login')
        .send({ email: sut.email('nobody'), password: PASSWORD })
        .expect(401);
      const wrong = await sut.http.post('/api/auth/login').send({ email, password: 'wrong password!' }).expect(401);
      expect(unknown.body.message).toBe(wrong.body.message);
      expect(unknown.body.error).toBe(wrong.body.error);
      expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(wrong.body).sort());
    });

    it('spends an argon2 verification on an unknown email as on a wrong password', async () => {
      const { email } = await sut.register('timing');
      const time = async (body: object) => {
        const started = process.hrtime.bigint();
        await sut.http.post('/api/auth/login').send(body).expect(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const wrong: number[] = [];
      const unknown: number[] = [];
      // 4 of each stays under the per-email limit; unknown emails are each new.
      for (let i = 0; i < 4; i += 1) {
        wrong.push(await time({ email, password: `wrong password ${i}` }));
        unknown.push(await time({ email: sut.email('ghost'), password: `wrong password ${i}` }));
      }
      // Without the dummy verification an unknown email answers in a few ms, a wrong password in tens.
      expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
      expect(median(unknown)).toBeLessThan(median(wrong) * 2);
    });

    it('upgrades a hash made with older argon2 parameters at the next login', async () => {
      const { id, email } = await sut.register('rehash');
      const old = await hash(PASSWORD, { algorithm: 2 as never, memoryCost: 8192, timeCost: 1, parallelism: 1 });
      await sut.db.query(`UPDATE users.accounts SET password_hash = $2 WHERE id = $1`, [id, old]);
      await sut.login(email);
      const { rows } = await sut.db.query(`SELECT password_hash FROM users.accounts WHERE id = $1`, [id]);
      expect(rows[0].password_hash).not.toBe(old);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      await sut.login(email); // the upgraded hash still verifies
    });

    it('leaves a hash with the current parameters untouched at login', async () => {
      const { id, email } = await sut.register('norehash');
      const before = (await sut.db.query(`SELECT password_hash FROM users.accounts WHERE id = $1`, [id])).rows[0].password_hash;
      await sut.login(email);
      const after = (await sut.db.query(`SELECT password_hash FROM users.accounts WHERE id = $1`, [id])).rows[0].password_hash;
      expect(after).toBe(before);
    });
  });

  describe('failed logins per email and client', () => {
    const wrongLogin = (email: string, address = '198.51.100.60') => sut.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password: 'not the password' });
    const rightLogin = (email: string, address: string, cookie?: string) => {
      const req = sut.http.post('/api/auth/login').set('X-Forwarded-For', address);
      return (cookie ? req.set('Cookie', cookie) : req).send({ email, password: PASSWORD });
    };
    const deviceCookieOf = (res: { headers: Record<string, unknown> }) =>
      ([res.headers['set-cookie']].flat() as string[]).find((c) => c?.startsWith('galley_device='))?.split(';')[0];

    it('slows the client down after 5 failures, doubling the delay, the right password included, but not other clients', async () => {
      const { email } = await sut.register('slowed');
      for (let i = 0; i < 5; i += 1) await wrongLogin(email).expect(401);
      const slowed = await wrongLogin(email).expect(429);
      expect(Number(slowed.headers['retry-after'])).toBe(1);
      expect(slowed.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      await rightLogin(email, '198.51.100.60').expect(429);
      // Another client signs in at once.
      await rightLogin(email, '198.51.100.61').expect(200);

      // The delay passes (the failures age by 2 s): one more failure, then 2 s.
      await sut.db.query(`UPDATE users.login_attempts SET attempted_at = attempted_at - interval '2 seconds' WHERE email = $1`, [email]);
      await wrongLogin(email).expect(401);
      expect(Number((await wrongLogin(email).expect(429)).headers['retry-after'])).toBe(2);
      // The window passes: the right password works again from there.
      await sut.db.query(`UPDATE users.login_attempts SET attempted_at = attempted_at - interval '15 minutes' WHERE email = $1`, [email]);
      await rightLogin(email, '198.51.100.60').expect(200);
    });

    it('slows down an unknown email like a known one (no account enumeration)', async () => {
      const email = sut.email('unknown-slowed');
      for (let i = 0; i < 5; i += 1) await wrongLogin(email).expect(401);
      await wrongLogin(email).expect(429);
    });

    it("never counts successful logins, and a success clears that client's earlier failures", async () => {
      const { email } = await sut.register('unlocked');
      for (let i = 0; i < 7; i += 1) await sut.login(email);
      for (let round = 0; round < 2; round += 1) {
        for (let i = 0; i < 4; i += 1) await wrongLogin(email).expect(401);
        await rightLogin(email, '198.51.100.60').expect(200);
      }
      const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM users.login_attempts WHERE email = $1`, [email]);
      expect(rows[0].n).toBe(0);
    });

    it('lets only the allowed number of simultaneous wrong guesses of one client through', async () => {
      const { email } = await sut.register('parallel');
      const statuses = await Promise.all(Array.from({ length: 8 }, () => wrongLogin(email).then((res) => res.status)));
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    });

    it('slows every unknown client once the email has 20 failures from all clients, never a device that signed in before', async () => {
      const { email } = await sut.register('stuffed');
      const signedIn = await rightLogin(email, '198.51.100.70').expect(200);
      const device = deviceCookieOf(signedIn);
      expect(device).toMatch(/^galley_device=[A-Za-z0-9_-]{43}$/);
      expect([signedIn.headers['set-cookie']].flat().join()).toMatch(/galley_device=[^;]+; HttpOnly; Secure; SameSite=Strict; Path=\/api\/auth\/login; Max-Age=31536000/);
      // Four attackers, five failures each.
      for (let attacker = 0; attacker < 4; attacker += 1) {
        for (let i = 0; i < 5; i += 1) await wrongLogin(email, `203.0.113.${attacker + 1}`).expect(401);
      }
      // Ten more from a botnet, written directly (its 21st attempt onwards would be slowed already): 30 failures owe 900 s.
      await sut.db.query(`INSERT INTO users.login_attempts (email, client_address, attempted_at) SELECT $1, '192.0.2.' || n, clock_timestamp() FROM generate_series(1, 10) n`, [
        email,
      ]);
      const slowed = await rightLogin(email, '198.51.100.71').expect(429);
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(800);
      await rightLogin(email, '198.51.100.70').expect(429);
      await wrongLogin(email, '203.0.113.9').expect(429);
      // The owner's browser sends its device marker: never slowed by the others' failures, from any address.
      const again = await rightLogin(email, '198.51.100.72', device).expect(200);
      expect(deviceCookieOf(again)).toBe(device);
      // A marker of another account does not count for this one.
      const other = await sut.register('other-device');
      const otherDevice = deviceCookieOf(await rightLogin(other.email, '198.51.100.73').expect(200));
      await rightLogin(email, '198.51.100.73', otherDevice).expect(429);
    });
  });

  describe('refresh tokens', () => {
    const refresh = (refreshToken: string) => sut.http.post('/api/auth/refresh').send({ refreshToken });

    it('rotates: the new pair works, the old refresh token no longer does', async () => {
      const { refreshToken } = await sut.signedIn('rotate');
      const rotated = await refresh(refreshToken).expect(200);
      expect(rotated.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
      expect(rotated.body.refreshToken).not.toBe(refreshToken);
      await sut.http.get('/api/users/me').set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(200);
      await refresh(rotated.body.refreshToken).expect(200);
    });

    it('revokes the whole family when a rotated token is presented again (stolen token used after the owner refreshed)', async () => {
      const { id, email, refreshToken: stolen } = await sut.signedIn('reuse');
      const other = await sut.login(email); // another sign-in (another device) of the same account
      const owner = (await refresh(stolen).expect(200)).body.refreshToken as string;

      const thief = await refresh(stolen).expect(401);
      expect(thief.body.message).toMatch(/revoked/);
      await refresh(owner).expect(401); // the owner's current token died with the family
      await refresh(other.refreshToken).expect(200); // the other family is untouched

      const { rows } = await sut.db.query(`SELECT revoked_reason FROM users.refresh_token_families WHERE account_id = $1 ORDER BY created_at`, [id]);
      expect(rows.map((row) => row.revoked_reason)).toEqual(['reuse', null]);
    });

    it('lets one of two simultaneous refreshes of one token win and revokes the family for the other', async () => {
      const { refreshToken } = await sut.signedIn('double');
      const statuses = (await Promise.all([refresh(refreshToken), refresh(refreshToken)])).map((res) => res.status).sort();
      expect(statuses).toEqual([200, 401]);
    });

    it('stores only hashes of refresh tokens', async () => {
      const { id, refreshToken } = await sut.signedIn('hashed');
      const { rows } = await sut.db.query(`SELECT t.token_hash FROM users.refresh_tokens t JOIN users.refresh_token_families f ON f.id = t.family_id WHERE f.account_id = $1`, [
        id,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toBe(refreshToken);
      expect(rows[0].token_hash).toBe(createHash('sha256').update(refreshToken).digest('base64url'));
    });

    it('answers 401 for an expired refresh token', async () => {
      const { id, refreshToken } = await sut.signedIn('expired');
      await sut.db.query(
        `UPDATE users.refresh_tokens SET expires_at = now() - interval '1 second' WHERE family_id IN (SELECT id FROM users.refresh_token_families WHERE account_id = $1)`,
        [id],
      );
      await refresh(refreshToken).expect(401);
    });

    it.each(['garbage', 'A'.repeat(43), ''])('answers 401 or 400 for the unknown token %j', async (token) => {
      const res = await refresh(token);
      expect([400, 401]).toContain(res.status);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('answers 204 and ends the sign-in', async () => {
      const { refreshToken } = await sut.signedIn('logout');
      await sut.http.post('/api/auth/logout').send({ refreshToken }).expect(204);
      await sut.http.post('/api/auth/refresh').send({ refreshToken }).expect(401);
    });

    it('answers 204 for an unknown token too', async () => {
      await sut.http
        .post('/api/auth/logout')
        .send({ refreshToken: 'B'.repeat(43) })
        .expect(204);
    });
  });

  describe('per-address rate limit', () => {
    it('answers 429 with Retry-After past the per-address budget of auth requests, per address', async () => {
      const from = (address: string) =>
        sut.http
          .post('/api/auth/logout')
          .set('X-Forwarded-For', address)
          .send({ refreshToken: 'C'.repeat(43) });
      const limit = sut.auth.AUTH_RATE_LIMIT_PER_ADDRESS;
      expect(limit).toBeGreaterThanOrEqual(120);
      for (let i = 0; i < limit; i += 1) await from('203.0.113.7').expect(204);
      const limited = await from('203.0.113.7').expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', requestId: expect.any(String) });
      await sut.http.post('/api/auth/login').set('X-Forwarded-For', '203.0.113.7').send({ email: 'a@b.co', password: 'x' }).expect(429);
      await from('203.0.113.8').expect(204);
    });
  });
});
