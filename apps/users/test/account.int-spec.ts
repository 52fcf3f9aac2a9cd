import { randomUUID } from 'node:crypto';
import { PASSWORD, UsersTestApp } from './users-test-app';

describe('users accounts (profile, password, addresses, outbox)', () => {
  let sut: UsersTestApp;

  beforeAll(async () => {
    sut = await UsersTestApp.start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('registration and the outbox', () => {
    it('writes user.registered to the users outbox in the same transaction as the account', async () => {
      const email = sut.email('outbox');
      const res = await sut.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Otto' }).expect(201);
      const { rows } = await sut.db.query(`SELECT o.event_type, o.topic, o.envelope FROM users.outbox o WHERE o.message_key = $1`, [res.body.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ event_type: 'user.registered', topic: 'users.events' });
      expect(rows[0].envelope).toMatchObject({
        type: 'user.registered',
        version: 1,
        aggregateId: res.body.id,
        payload: { userId: res.body.id, email, name: 'Otto', role: 'customer' },
      });
    });

    it('keeps no account when its user.registered event cannot be written (one transaction)', async () => {
      const email = sut.email('doomed');
      // A fault in the outbox only: the constraint refuses this one event.
      await sut.db.query(`ALTER TABLE users.outbox ADD CONSTRAINT test_refuse_doomed CHECK (envelope->'payload'->>'email' IS DISTINCT FROM '${email}') NOT VALID`);
      try {
        const res = await sut.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Doomed' });
        expect(res.status).toBe(500);
        expect(res.text).not.toMatch(/test_refuse_doomed|at .*\.ts/);
      } finally {
        await sut.db.query(`ALTER TABLE users.outbox DROP CONSTRAINT test_refuse_doomed`);
      }
      const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM users.accounts WHERE email = $1`, [email]);
      expect(rows[0].n).toBe(0);
      // The same registration succeeds once the outbox accepts the event.
      await sut.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Doomed' }).expect(201);
    });

    it('writes no event for a refused registration', async () => {
      const { email } = await sut.register('once');
      await sut.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Twice' }).expect(409);
      const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM users.outbox WHERE envelope->'payload'->>'email' = $1`, [email]);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('/api/users/me', () => {
    it('renames the account and answers the profile', async () => {
      const { accessToken, email } = await sut.signedIn('rename');
      const res = await sut.http.patch('/api/users/me').set(bearer(accessToken)).send({ name: '  New Name ' }).expect(200);
      expect(res.body).toMatchObject({ email, name: 'New Name', role: 'customer' });
      expect((await sut.http.get('/api/users/me').set(bearer(accessToken)).expect(200)).body.name).toBe('New Name');
    });

    it.each([{}, { name: '' }, { name: 'x'.repeat(201) }, { name: 'ok', role: 'admin' }, { email: 'new@example.com' }])('answers 400 to PATCH %j', async (body) => {
      const { accessToken } = await sut.signedIn('badpatch');
      await sut.http.patch('/api/users/me').set(bearer(accessToken)).send(body).expect(400);
    });

    it('answers 401 when the account of a valid token is gone', async () => {
      const { id, accessToken } = await sut.signedIn('gone');
      await sut.db.query(`DELETE FROM users.accounts WHERE id = $1`, [id]);
      await sut.http.get('/api/users/me').set(bearer(accessToken)).expect(401);
    });
  });

  describe('POST /api/users/me/password', () => {
    it('changes the password and revokes every refresh family of the account', async () => {
      const first = await sut.signedIn('pwchange');
      const second = await sut.login(first.email);
      const newPassword = 'a brand new passphrase';
      await sut.http.post('/api/users/me/password').set(bearer(first.accessToken)).send({ currentPassword: PASSWORD, newPassword }).expect(204);

      await sut.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      await sut.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
      await sut.http.post('/api/auth/login').send({ email: first.email, password: PASSWORD }).expect(401);
      const fresh = await sut.login(first.email, newPassword);
      await sut.http.post('/api/auth/refresh').send({ refreshToken: fresh.refreshToken }).expect(200);
    });

    it('answers 400 for a wrong current password and keeps the sign-ins', async () => {
      const { accessToken, refreshToken } = await sut.signedIn('pwwrong');
      const res = await sut.http
        .post('/api/users/me/password')
        .set(bearer(accessToken))
        .send({ currentPassword: 'not my password', newPassword: 'another good passphrase' })
        .expect(400);
      expect(res.body.message).toContain('currentPassword');
      await sut.http.post('/api/auth/refresh').send({ refreshToken }).expect(200);
    });

    it.each([
      ['too short', 'short', 'newPassword'],
      ['the same as the current one', PASSWORD, 'newPassword'],
    ])('answers 400 naming newPassword when it is %s', async (_case, newPassword, field) => {
      const { accessToken } = await sut.signedIn('pwpolicy');
      const res = await sut.http.post('/api/users/me/password').set(bearer(accessToken)).send({ currentPassword: PASSWORD, newPassword }).expect(400);
      expect(res.body.message).toContain(field);
    });
  });

  describe('/api/users/me/addresses', () => {
    const home = { label: 'Home', line1: '12 Rue de la Paix', city: 'Paris', postalCode: '75002', country: 'fr', phone: '+33 1 23 45 67 89' };

    it('adds, lists, changes and deletes the caller’s addresses', async () => {
      const { accessToken } = await sut.signedIn('addresses');
      const created = await sut.http.post('/api/users/me/addresses').set(bearer(accessToken)).send(home).expect(201);
      expect(created.body).toMatchObject({ ...home, country: 'FR', line2: null, id: expect.any(String) });

      const listed = await sut.http.get('/api/users/me/addresses').set(bearer(accessToken)).expect(200);
      expect(listed.body).toEqual({ items: [created.body], nextCursor: null });

      const changed = await sut.http.patch(`/api/users/me/addresses/${created.body.id}`).set(bearer(accessToken)).send({ line2: '3rd floor', phone: null }).expect(200);
      expect(changed.body).toMatchObject({ line1: home.line1, line2: '3rd floor', phone: null });

      await sut.http.delete(`/api/users/me/addresses/${created.body.id}`).set(bearer(accessToken)).expect(204);
      expect((await sut.http.get('/api/users/me/addresses').set(bearer(accessToken)).expect(200)).body.items).toEqual([]);
    });

    it('answers 404 for another account’s address and leaves it unchanged', async () => {
      const owner = await sut.signedIn('owner');
      const other = await sut.signedIn('intruder');
      const created = await sut.http.post('/api/users/me/addresses').set(bearer(owner.accessToken)).send(home).expect(201);
      await sut.http.patch(`/api/users/me/addresses/${created.body.id}`).set(bearer(other.accessToken)).send({ city: 'Lyon' }).expect(404);
      await sut.http.delete(`/api/users/me/addresses/${created.body.id}`).set(bearer(other.accessToken)).expect(404);
      expect((await sut.http.get('/api/users/me/addresses').set(bearer(other.accessToken)).expect(200)).body.items).toEqual([]);
      const mine = await sut.http.get('/api/users/me/addresses').set(bearer(owner.accessToken)).expect(200);
      expect(mine.body.items[0]).toMatchObject({ id: created.body.id, city: 'Paris' });
      await sut.http.patch(`/api/users/me/addresses/${randomUUID()}`).set(bearer(owner.accessToken)).send({ city: 'Lyon' }).expect(404);
    });

    it.each([
      ['no line1', { ...home, line1: undefined }],
      ['a bad country', { ...home, country: 'XX' }],
      ['a bad phone', { ...home, phone: 'call me' }],
      ['an unknown field', { ...home, floor: 3 }],
    ])('answers 400 to an address with %s', async (_case, body) => {
      const { accessToken } = await sut.signedIn('badaddress');
      await sut.http.post('/api/users/me/addresses').set(bearer(accessToken)).send(body).expect(400);
    });

    it('answers 400 when PATCH clears a required field or the id is not a UUID', async () => {
      const { accessToken } = await sut.signedIn('badpatchaddr');
      const created = await sut.http.post('/api/users/me/addresses').set(bearer(accessToken)).send(home).expect(201);
      await sut.http.patch(`/api/users/me/addresses/${created.body.id}`).set(bearer(accessToken)).send({ line1: null }).expect(400);
      await sut.http.patch('/api/users/me/addresses/not-a-uuid').set(bearer(accessToken)).send({ city: 'Lyon' }).expect(400);
    });

    it('answers 409 past 20 addresses', async () => {
      const { accessToken } = await sut.signedIn('many');
      for (let i = 0; i < 20; i += 1) {
        await sut.http
          .post('/api/users/me/addresses')
          .set(bearer(accessToken))
          .send({ ...home, label: `#${i}` })
          .expect(201);
      }
      await sut.http.post('/api/users/me/addresses').set(bearer(accessToken)).send(home).expect(409);
    });

    it('answers 401 without a token', async () => {
      await sut.http.get('/api/users/me/addresses').expect(401);
    });
  });
});
