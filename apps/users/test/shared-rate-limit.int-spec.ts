import { UsersTestApp } from './users-test-app';

/** Two instances of users on one database, as behind a load balancer. */
describe('The per-address auth limit across instances', () => {
  let first: UsersTestApp;
  let second: UsersTestApp;
  const LIMIT = 6;

  beforeAll(async () => {
    first = await UsersTestApp.start({ AUTH_RATE_LIMIT_PER_ADDRESS: String(LIMIT), AUTH_RATE_LIMIT_WINDOW_SECONDS: '60' });
    second = await UsersTestApp.start({ AUTH_RATE_LIMIT_PER_ADDRESS: String(LIMIT), AUTH_RATE_LIMIT_WINDOW_SECONDS: '60' });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  const logout = (sut: UsersTestApp, address: string) =>
    sut.http
      .post('/api/auth/logout')
      .set('X-Forwarded-For', address)
      .send({ refreshToken: 'D'.repeat(43) });

  it('counts the requests of one address at every instance against one budget', async () => {
    for (let i = 0; i < LIMIT; i += 1) await logout(i % 2 ? first : second, '198.51.100.40').expect(204);
    for (const sut of [first, second]) {
      const limited = await logout(sut, '198.51.100.40').expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    await logout(second, '198.51.100.41').expect(204);
  });

  it('starts a new window once the old one has ended', async () => {
    for (let i = 0; i <= LIMIT; i += 1) await logout(first, '198.51.100.42');
    await logout(second, '198.51.100.42').expect(429);
    await first.db.query(`UPDATE users.rate_limit_hits SET window_ends = clock_timestamp() - interval '1 second' WHERE key LIKE '%198.51.100.42'`);
    await logout(second, '198.51.100.42').expect(204);
    const { rows } = await first.db.query(`SELECT hits FROM users.rate_limit_hits WHERE key LIKE '%198.51.100.42'`);
    expect(rows).toEqual([{ hits: 1 }]);
  });
});
