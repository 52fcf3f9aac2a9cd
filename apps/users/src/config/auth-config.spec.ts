import { adminAccountOf, AuthConfig, ConfigValidationError, DEVELOPMENT_ADMIN, loadAuthConfig } from '@galley/config';

/** The keys a failed load names. */
function badKeys(env: NodeJS.ProcessEnv): string[] {
  try {
    loadAuthConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return [...new Set(error.problems.map((problem) => problem.split(':')[0]))].sort();
  }
}

describe(AuthConfig.name, () => {
  it('applies the documented defaults when nothing is set', () => {
    const sut = loadAuthConfig({});
    expect(sut).toMatchObject({
      NODE_ENV: 'development',
      JWT_KEY_FILE: '.cache/keys/jwt-dev.json',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 30 * 24 * 3600,
      PASSWORD_HASH_MEMORY_KIB: 19456,
      PASSWORD_HASH_ITERATIONS: 2,
      PASSWORD_HASH_PARALLELISM: 1,
      LOGIN_FAILURES_PER_CLIENT: 5,
      LOGIN_FAILURES_PER_EMAIL: 20,
      LOGIN_SLOWDOWN_BASE_SECONDS: 1,
      LOGIN_SLOWDOWN_MAX_SECONDS: 900,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      TRUST_PROXY: 'loopback',
    });
    expect(sut.AUTH_RATE_LIMIT_PER_ADDRESS).toBeGreaterThanOrEqual(120);
  });

  it('converts every numeric setting given as a string', () => {
    const sut = loadAuthConfig({
      ACCESS_TOKEN_TTL_SECONDS: '60',
      REFRESH_TOKEN_TTL_SECONDS: '3600',
      JWT_JWKS_CACHE_SECONDS: '30',
      PASSWORD_HASH_MEMORY_KIB: '8192',
      PASSWORD_HASH_ITERATIONS: '3',
      PASSWORD_HASH_PARALLELISM: '2',
      AUTH_RATE_LIMIT_PER_ADDRESS: '10',
      AUTH_RATE_LIMIT_WINDOW_SECONDS: '5',
      LOGIN_FAILURES_PER_EMAIL: '3',
      LOGIN_FAILURE_WINDOW_SECONDS: '120',
      LOGIN_FAILURES_PER_CLIENT: '2',
      LOGIN_SLOWDOWN_BASE_SECONDS: '4',
      LOGIN_SLOWDOWN_MAX_SECONDS: '60',
    });
    expect([
      sut.ACCESS_TOKEN_TTL_SECONDS,
      sut.REFRESH_TOKEN_TTL_SECONDS,
      sut.JWT_JWKS_CACHE_SECONDS,
      sut.PASSWORD_HASH_MEMORY_KIB,
      sut.PASSWORD_HASH_ITERATIONS,
      sut.PASSWORD_HASH_PARALLELISM,
      sut.AUTH_RATE_LIMIT_PER_ADDRESS,
      sut.AUTH_RATE_LIMIT_WINDOW_SECONDS,
      sut.LOGIN_FAILURES_PER_EMAIL,
      sut.LOGIN_FAILURE_WINDOW_SECONDS,
      sut.LOGIN_FAILURES_PER_CLIENT,
      sut.LOGIN_SLOWDOWN_BASE_SECONDS,
      sut.LOGIN_SLOWDOWN_MAX_SECONDS,
    ]).toEqual([60, 3600, 30, 8192, 3, 2, 10, 5, 3, 120, 2, 4, 60]);
  });

  it.each<[string, NodeJS.ProcessEnv, string[]]>([
    ['production without a signing key', { NODE_ENV: 'production' }, ['JWT_PRIVATE_KEY']],
    ['an admin email without a password', { ADMIN_EMAIL: 'boss@example.com' }, ['ADMIN_PASSWORD']],
    ['a short admin password', { ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'short' }, ['ADMIN_PASSWORD']],
    ['a bad admin email', { ADMIN_EMAIL: 'boss', ADMIN_PASSWORD: 'long enough password' }, ['ADMIN_EMAIL']],
    ['a JWKS URL without a scheme', { JWT_JWKS_URL: 'users:3001/jwks' }, ['JWT_JWKS_URL']],
    ['public keys that are not a JWKS', { JWT_PUBLIC_KEYS: '-----BEGIN PUBLIC KEY-----' }, ['JWT_PUBLIC_KEYS']],
    ['several bad numbers at once', { ACCESS_TOKEN_TTL_SECONDS: 'soon', LOGIN_FAILURES_PER_EMAIL: '0' }, ['ACCESS_TOKEN_TTL_SECONDS', 'LOGIN_FAILURES_PER_EMAIL']],
  ])('names the bad keys for %s', (_case, env, expected) => {
    expect(badKeys(env)).toEqual(expected);
  });

  it('accepts production with a signing key', () => {
    expect(badKeys({ NODE_ENV: 'production', JWT_PRIVATE_KEY: '{"kty":"OKP"}' })).toEqual([]);
  });
});

describe(adminAccountOf.name, () => {
  it.each<[string, NodeJS.ProcessEnv, { email: string; password: string } | undefined]>([
    ['the configured account', { ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'boss password 1' }, { email: 'boss@example.com', password: 'boss password 1' }],
    ['the development account when unset in development', {}, { ...DEVELOPMENT_ADMIN }],
    ['the development account when unset in test', { NODE_ENV: 'test' }, { ...DEVELOPMENT_ADMIN }],
    ['no account when unset in production', { NODE_ENV: 'production', JWT_PRIVATE_KEY: 'k' }, undefined],
  ])('gives %s', (_case, env, expected) => {
    expect(adminAccountOf(loadAuthConfig(env))).toEqual(expected);
  });
});
