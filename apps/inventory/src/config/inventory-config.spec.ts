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
      IMAGE_STORAGE: 'postgres',
      IMAGE_STORAGE_DIR: '.cache/images',
      IMAGE_S3_REGION: 'us-east-1',
      IMAGE_S3_FORCE_PATH_STYLE: false,
      DEMO_CATALOG: true,
      SEARCH_ONE_TYPO_FROM: 5,
      SEARCH_TWO_TYPOS_FROM: 9,
      SEARCH_CACHE_MB: 64,
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

  it('reads every S3 image storage setting', () => {
    const sut = loadInventoryConfig({
      IMAGE_STORAGE: 's3',
      IMAGE_S3_BUCKET: 'galley-images',
      IMAGE_S3_REGION: 'eu-west-3',
      IMAGE_S3_ENDPOINT: 'http://minio:9000',
      IMAGE_S3_FORCE_PATH_STYLE: 'true',
      IMAGE_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      IMAGE_S3_SECRET_ACCESS_KEY: 'secret/example',
      IMAGE_S3_PREFIX: 'shop-1/images/',
    });
    expect(sut).toMatchObject({
      IMAGE_STORAGE: 's3',
      IMAGE_S3_BUCKET: 'galley-images',
      IMAGE_S3_REGION: 'eu-west-3',
      IMAGE_S3_ENDPOINT: 'http://minio:9000',
      IMAGE_S3_FORCE_PATH_STYLE: true,
      IMAGE_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      IMAGE_S3_SECRET_ACCESS_KEY: 'secret/example',
      IMAGE_S3_PREFIX: 'shop-1/images/',
    });
  });

  it.each<[string, NodeJS.ProcessEnv]>([
    ['postgres by default', {}],
    ['disk without any S3 setting', { IMAGE_STORAGE: 'disk' }],
    ['s3 with only a bucket (region default, SDK credential chain)', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images' }],
    ['S3 path style turned off in words', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images', IMAGE_S3_FORCE_PATH_STYLE: 'false' }],
  ])('accepts image storage %s', (_case, env) => {
    expect(badKeys(env)).toEqual([]);
  });

  it('says the bucket is required when the storage is s3', () => {
    expect(() => loadInventoryConfig({ IMAGE_STORAGE: 's3' })).toThrow(/IMAGE_S3_BUCKET is required when IMAGE_STORAGE=s3/);
  });

  it('names the storages it knows when given another', () => {
    expect(() => loadInventoryConfig({ IMAGE_STORAGE: 'gcs' })).toThrow(/IMAGE_STORAGE must be one of postgres, s3, disk/);
  });

  it.each<[string, NodeJS.ProcessEnv, string[]]>([
    ['an unknown storage', { IMAGE_STORAGE: 'S3' }, ['IMAGE_STORAGE']],
    ['s3 without a bucket', { IMAGE_STORAGE: 's3' }, ['IMAGE_S3_BUCKET']],
    ['s3 with an empty bucket', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: '' }, ['IMAGE_S3_BUCKET']],
    ['a bucket name with capitals', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'My_Images' }, ['IMAGE_S3_BUCKET']],
    ['an endpoint that is no URL', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images', IMAGE_S3_ENDPOINT: 'minio:9000' }, ['IMAGE_S3_ENDPOINT']],
    ['a path style that is not a boolean', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images', IMAGE_S3_FORCE_PATH_STYLE: 'yes' }, ['IMAGE_S3_FORCE_PATH_STYLE']],
    ['an access key without its secret', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images', IMAGE_S3_ACCESS_KEY_ID: 'AKID' }, ['IMAGE_S3_SECRET_ACCESS_KEY']],
    ['a secret without its access key', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images', IMAGE_S3_SECRET_ACCESS_KEY: 'shh' }, ['IMAGE_S3_ACCESS_KEY_ID']],
    ['a prefix starting with a slash', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images', IMAGE_S3_PREFIX: '/images/' }, ['IMAGE_S3_PREFIX']],
    ['a region with spaces', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images', IMAGE_S3_REGION: 'us east' }, ['IMAGE_S3_REGION']],
  ])('names the bad image storage keys for %s', (_case, env, expected) => {
    expect(badKeys(env)).toEqual(expected);
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
