import { loadInventoryConfig } from '../config/inventory-config';
import { assertStorageKey, contentTypeOfKey, LocalDiskImageStorage } from './image-storage';
import { imageStorageFor, s3ImageStorageSettingsOf } from './image-storage.factory';
import { PostgresImageStorage } from './postgres-image-storage';
import { S3ImageStorage } from './s3-image-storage';

const database = { query: async () => [] };

describe(imageStorageFor.name, () => {
  it.each<[string, NodeJS.ProcessEnv, new (...args: never[]) => unknown]>([
    ['Postgres by default', {}, PostgresImageStorage],
    ['Postgres when asked', { IMAGE_STORAGE: 'postgres' }, PostgresImageStorage],
    ['a bucket for s3', { IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images' }, S3ImageStorage],
    ['a directory for disk', { IMAGE_STORAGE: 'disk' }, LocalDiskImageStorage],
  ])('gives %s', async (_case, env, kind) => {
    const sut = await imageStorageFor(loadInventoryConfig(env), database);
    expect(sut).toBeInstanceOf(kind);
  });

  it('lets only the Postgres storage join a transaction, writing through it', async () => {
    const statements: string[] = [];
    const tx = { query: async (sql: string) => (statements.push(sql), []) };
    const sut = await imageStorageFor(loadInventoryConfig({}), database);
    await sut.within!(tx).put('a'.repeat(64) + '.webp', Buffer.from('x'));
    expect(statements).toEqual([expect.stringMatching(/^INSERT INTO inventory\.image_blobs .* ON CONFLICT \(key\) DO NOTHING$/)]);
    expect((await imageStorageFor(loadInventoryConfig({ IMAGE_STORAGE: 'disk' }), database)).within).toBeUndefined();
    expect((await imageStorageFor(loadInventoryConfig({ IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images' }), database)).within).toBeUndefined();
  });
});

describe(s3ImageStorageSettingsOf.name, () => {
  it('passes every S3 setting through, credentials and endpoint only when given', () => {
    expect(s3ImageStorageSettingsOf(loadInventoryConfig({ IMAGE_STORAGE: 's3', IMAGE_S3_BUCKET: 'images' }))).toEqual({
      bucket: 'images',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      accessKeyId: undefined,
      secretAccessKey: undefined,
      prefix: undefined,
    });
    const env = {
      IMAGE_STORAGE: 's3',
      IMAGE_S3_BUCKET: 'images',
      IMAGE_S3_REGION: 'auto',
      IMAGE_S3_ENDPOINT: 'https://account.r2.example',
      IMAGE_S3_FORCE_PATH_STYLE: 'true',
      IMAGE_S3_ACCESS_KEY_ID: 'id',
      IMAGE_S3_SECRET_ACCESS_KEY: 'secret',
      IMAGE_S3_PREFIX: 'galley/',
    };
    expect(s3ImageStorageSettingsOf(loadInventoryConfig(env))).toEqual({
      bucket: 'images',
      region: 'auto',
      endpoint: 'https://account.r2.example',
      forcePathStyle: true,
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      prefix: 'galley/',
    });
  });
});

describe(contentTypeOfKey.name, () => {
  it.each([
    [`${'0'.repeat(64)}.webp`, 'image/webp'],
    ['photo.JPG', 'image/jpeg'],
    ['photo.png', 'image/png'],
    ['no-extension', 'application/octet-stream'],
    ['archive.tar', 'application/octet-stream'],
  ])('names %s %s', (key, type) => {
    expect(contentTypeOfKey(key)).toBe(type);
  });
});

describe(assertStorageKey.name, () => {
  it.each(['../etc/passwd', '/abs.webp', '.hidden', 'a/b.webp', '', 'x'.repeat(201)])('refuses %j', (key) => {
    expect(() => assertStorageKey(key)).toThrow(/is not a storage key/);
  });

  it('accepts a rendition key', () => {
    expect(assertStorageKey(`${'f'.repeat(64)}.webp`)).toBe(`${'f'.repeat(64)}.webp`);
  });
});
