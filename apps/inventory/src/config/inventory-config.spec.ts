import { verifierSettingsOf } from '@galley/config';
import { ConfigValidationError } from '@galley/config';
import { InventoryConfig, loadInventoryConfig } from './inventory-config';

function badKeys(env: NodeJS.ProcessEnv): string[] {
  try {
    loadInventoryConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return [...new Set(error.problems.map((problem) => problem.split(':')[0]))].sort();
  }
}

describe(InventoryConfig.name, () => {
  it('applies the documented defaults when nothing is set', () => {
    expect({ ...loadInventoryConfig({}) }).toEqual({
      GALLEY_CURRENCY: 'USD',
      RESERVATION_TTL_SECONDS: 900,
      RESERVATION_SWEEP_INTERVAL_MS: 5000,
      JWT_JWKS_CACHE_SECONDS: 600,
      IMAGE_STORAGE_DIR: '.cache/images',
      DEMO_CATALOG: true,
      SEARCH_ONE_TYPO_FROM: 5,
      SEARCH_TWO_TYPOS_FROM: 9,
    });
  });

  it('reads the typo settings of search, and refuses a length that is no number', () => {
    expect(loadInventoryConfig({ SEARCH_ONE_TYPO_FROM: '4', SEARCH_TWO_TYPOS_FROM: '8' })).toMatchObject({ SEARCH_ONE_TYPO_FROM: 4, SEARCH_TWO_TYPOS_FROM: 8 });
    expect(() => loadInventoryConfig({ SEARCH_ONE_TYPO_FROM: 'five' })).toThrow(/SEARCH_ONE_TYPO_FROM/);
  });

  it.each<[NodeJS.ProcessEnv, boolean]>([
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'test' }, false],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'development', DEMO_CATALOG: 'false' }, false],
    [{ NODE_ENV: 'test', DEMO_CATALOG: 'true' }, true],
  ])('loads the demo menu for %j: %s', (env, expected) => {
    expect(loadInventoryConfig(env).DEMO_CATALOG).toBe(expected);
  });

  it('reads the settings given as strings', () => {
    const sut = loadInventoryConfig({ GALLEY_CURRENCY: 'EUR', RESERVATION_TTL_SECONDS: '60', RESERVATION_SWEEP_INTERVAL_MS: '250' });
    expect([sut.GALLEY_CURRENCY, sut.RESERVATION_TTL_SECONDS, sut.RESERVATION_SWEEP_INTERVAL_MS]).toEqual(['EUR', 60, 250]);
  });

  it.each<[string, NodeJS.ProcessEnv, string | undefined]>([
    ['the users JWKS on this host by default', {}, 'http://127.0.0.1:3001/.well-known/jwks.json'],
    ['the configured JWKS URL', { JWT_JWKS_URL: 'http://users:3001/.well-known/jwks.json' }, 'http://users:3001/.well-known/jwks.json'],
    ['no URL when inline keys are given', { JWT_PUBLIC_KEYS: '{"keys":[]}' }, undefined],
  ])('verifies tokens with %s', (_case, env, url) => {
    expect(verifierSettingsOf(loadInventoryConfig(env)).JWT_JWKS_URL).toBe(url);
  });

  it.each<[string, NodeJS.ProcessEnv, string[]]>([
    ['a lower-case currency', { GALLEY_CURRENCY: 'usd' }, ['GALLEY_CURRENCY']],
    ['a demo switch that is not a boolean', { DEMO_CATALOG: 'yes' }, ['DEMO_CATALOG']],
    ['a zero TTL and a text interval', { RESERVATION_TTL_SECONDS: '0', RESERVATION_SWEEP_INTERVAL_MS: 'often' }, ['RESERVATION_SWEEP_INTERVAL_MS', 'RESERVATION_TTL_SECONDS']],
  ])('names the bad keys for %s', (_case, env, expected) => {
    expect(badKeys(env)).toEqual(expected);
  });
});
