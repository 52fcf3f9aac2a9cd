import { ConfigValidationError } from '@galley/config';
import { loadPaymentsConfig, PaymentsConfig, webhookSecretOf } from './payments-config';

function badKeys(env: NodeJS.ProcessEnv): string[] {
  try {
    loadPaymentsConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return [...new Set(error.problems.map((problem) => problem.split(':')[0]))].sort();
  }
}

describe(PaymentsConfig.name, () => {
  it('applies the documented defaults when nothing is set (simulated provider, development secret)', () => {
    const sut = loadPaymentsConfig({});
    expect({ ...sut }).toEqual({
      NODE_ENV: 'development',
      GALLEY_CURRENCY: 'USD',
      STRIPE_MAX_NETWORK_RETRIES: 2,
      STRIPE_TIMEOUT_MS: 20000,
      JWT_JWKS_CACHE_SECONDS: 600,
    });
    expect(webhookSecretOf(sut)).toBe('whsec_galley_development_only');
  });

  it('reads the Stripe settings given as strings', () => {
    const sut = loadPaymentsConfig({
      STRIPE_SECRET_KEY: 'sk_test_abc123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: '12111',
      STRIPE_API_PROTOCOL: 'http',
    });
    expect([sut.STRIPE_SECRET_KEY, webhookSecretOf(sut), sut.STRIPE_API_HOST, sut.STRIPE_API_PORT, sut.STRIPE_API_PROTOCOL]).toEqual([
      'sk_test_abc123',
      'whsec_abc',
      '127.0.0.1',
      12111,
      'http',
    ]);
  });

  it.each<[string, NodeJS.ProcessEnv, string[]]>([
    ['production without a webhook secret', { NODE_ENV: 'production' }, ['STRIPE_WEBHOOK_SECRET']],
    ['an empty webhook secret in production', { NODE_ENV: 'production', STRIPE_WEBHOOK_SECRET: '' }, ['STRIPE_WEBHOOK_SECRET']],
    ['a webhook secret that is not one', { STRIPE_WEBHOOK_SECRET: 'secret' }, ['STRIPE_WEBHOOK_SECRET']],
    ['a publishable key instead of a secret key', { STRIPE_SECRET_KEY: 'pk_test_abc' }, ['STRIPE_SECRET_KEY']],
    ['a secret key instead of a publishable key', { STRIPE_PUBLISHABLE_KEY: 'sk_test_abc' }, ['STRIPE_PUBLISHABLE_KEY']],
    [
      'a host with a scheme, a port out of range and an unknown protocol',
      { STRIPE_API_HOST: 'http://x', STRIPE_API_PORT: '70000', STRIPE_API_PROTOCOL: 'ftp' },
      ['STRIPE_API_HOST', 'STRIPE_API_PORT', 'STRIPE_API_PROTOCOL'],
    ],
    ['a lower-case currency', { GALLEY_CURRENCY: 'usd' }, ['GALLEY_CURRENCY']],
  ])('names the bad keys for %s', (_case, env, expected) => {
    expect(badKeys(env)).toEqual(expected);
  });

  it('accepts production with a webhook secret', () => {
    expect(badKeys({ NODE_ENV: 'production', STRIPE_WEBHOOK_SECRET: 'whsec_live_1' })).toEqual([]);
  });
});
