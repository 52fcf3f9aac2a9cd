import { verifierSettingsOf } from '@galley/config';
import { ConfigValidationError } from '@galley/config';
import { loadReviewsConfig, ReviewsConfig } from './reviews-config';

function badKeys(env: NodeJS.ProcessEnv): string[] {
  try {
    loadReviewsConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return [...new Set(error.problems.map((problem) => problem.split(':')[0]))].sort();
  }
}

describe(ReviewsConfig.name, () => {
  it('applies the documented defaults when nothing is set', () => {
    expect({ ...loadReviewsConfig({}) }).toEqual({ SENTIMENT_MODEL: 'stored', SENTIMENT_MODEL_REFRESH_SECONDS: 60, JWT_JWKS_CACHE_SECONDS: 600 });
  });

  it('reads the settings given as strings', () => {
    const sut = loadReviewsConfig({ SENTIMENT_MODEL: 'bundled', SENTIMENT_MODEL_REFRESH_SECONDS: '5' });
    expect([sut.SENTIMENT_MODEL, sut.SENTIMENT_MODEL_REFRESH_SECONDS]).toEqual(['bundled', 5]);
  });

  it.each<[string, NodeJS.ProcessEnv, string | undefined]>([
    ['the users JWKS on this host by default', {}, 'http://127.0.0.1:3001/.well-known/jwks.json'],
    ['the configured JWKS URL', { JWT_JWKS_URL: 'http://users:3001/.well-known/jwks.json' }, 'http://users:3001/.well-known/jwks.json'],
    ['no URL when inline keys are given', { JWT_PUBLIC_KEYS: '{"keys":[]}' }, undefined],
  ])('verifies tokens with %s', (_case, env, url) => {
    expect(verifierSettingsOf(loadReviewsConfig(env)).JWT_JWKS_URL).toBe(url);
  });

  it.each<[string, NodeJS.ProcessEnv, string[]]>([
    ['an unknown model source', { SENTIMENT_MODEL: 'latest' }, ['SENTIMENT_MODEL']],
    ['a zero refresh interval', { SENTIMENT_MODEL_REFRESH_SECONDS: '0' }, ['SENTIMENT_MODEL_REFRESH_SECONDS']],
    ['a text refresh interval and a bad JWKS URL', { SENTIMENT_MODEL_REFRESH_SECONDS: 'often', JWT_JWKS_URL: 'users' }, ['JWT_JWKS_URL', 'SENTIMENT_MODEL_REFRESH_SECONDS']],
  ])('names the bad keys for %s', (_case, env, expected) => {
    expect(badKeys(env)).toEqual(expected);
  });
});
