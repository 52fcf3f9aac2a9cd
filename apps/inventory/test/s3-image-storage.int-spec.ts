import { createHash, randomBytes } from 'node:crypto';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { S3ImageStorage, S3ImageStorageSettings } from '../src/repositories/s3-image-storage';
import { InventoryTestApp } from './inventory-test-app';
import { S3RVER_CREDENTIALS, S3TestServer } from './s3-test-server';

const keyOf = (bytes: Buffer) => `${createHash('sha256').update(bytes).digest('hex')}.webp`;

/** IMAGE_STORAGE=s3 against s3rver, a real S3-compatible server on a free port (it checks access key ids, not SigV4 signatures). */
describe(S3ImageStorage.name, () => {
  let s3: S3TestServer;
  let inspector: S3Client;

  beforeAll(async () => {
    s3 = await S3TestServer.start();
    inspector = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  });

  afterAll(async () => {
    inspector?.destroy();
    await s3?.close();
  });

  const settings = (extra: Partial<S3ImageStorageSettings> = {}): S3ImageStorageSettings => ({
    bucket: s3.bucket,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    ...S3RVER_CREDENTIALS,
    ...extra,
  });

  const objectKeys = async (prefix: string): Promise<string[]> =>
    ((await inspector.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))).Contents ?? []).map((object) => object.Key!).sort();

  describe('put, get and delete', () => {
    let sut: S3ImageStorage;
    beforeAll(() => {
      sut = new S3ImageStorage(settings({ prefix: 'unit/images/' }));
    });
    afterAll(() => sut.onModuleDestroy());

    it('gives back the same bytes, stored under the prefix as WebP cacheable forever', async () => {
      const bytes = randomBytes(300_000);
      const key = keyOf(bytes);
      await sut.put(key, bytes);
      expect(Buffer.compare((await sut.get(key))!, bytes)).toBe(0);
      expect(await objectKeys('unit/images/')).toContain(`unit/images/${key}`);
      const head = await inspector.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `unit/images/${key}` }));
      expect([head.ContentType, head.CacheControl, head.ContentLength]).toEqual(['image/webp', 'public, max-age=31536000, immutable', 300_000]);
    });

    it('answers null for a key that holds nothing, and a second put of a key keeps one object', async () => {
      expect(await sut.get(`${'0'.repeat(64)}.webp`)).toBeNull();
      const bytes = randomBytes(1000);
      const key = keyOf(bytes);
      await sut.put(key, bytes);
      await sut.put(key, bytes);
      expect(await objectKeys(`unit/images/${key}`)).toEqual([`unit/images/${key}`]);
    });

    it('deletes a key (then null), and deleting a missing key is no error', async () => {
      const bytes = randomBytes(2000);
      const key = keyOf(bytes);
      await sut.put(key, bytes);
      await sut.delete(key);
      expect(await sut.get(key)).toBeNull();
      expect(await objectKeys(`unit/images/${key}`)).toEqual([]);
      await expect(sut.delete(key)).resolves.toBeUndefined();
    });

    it('refuses a key that could reach outside its prefix before any request', async () => {
      await expect(sut.put('../other/x.webp', Buffer.from('x'))).rejects.toThrow(/is not a storage key/);
      await expect(sut.get('../other/x.webp')).rejects.toThrow(/is not a storage key/);
    });
  });

  it('fails, rather than answering "nothing stored", for a missing bucket or an unknown access key', async () => {
    const noBucket = new S3ImageStorage(settings({ bucket: 'no-such-bucket' }));
    const unknownKey = new S3ImageStorage(settings({ accessKeyId: 'NOT-A-KEY' }));
    try {
      await expect(noBucket.get(`${'1'.repeat(64)}.webp`)).rejects.toMatchObject({ name: 'NoSuchBucket' });
      await expect(unknownKey.get(`${'1'.repeat(64)}.webp`)).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
      await expect(unknownKey.put(`${'1'.repeat(64)}.webp`, Buffer.from('x'))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    } finally {
      noBucket.onModuleDestroy();
      unknownKey.onModuleDestroy();
    }
  });

  describe('behind the inventory service (IMAGE_STORAGE=s3)', () => {
    let app: InventoryTestApp;
    let admin: string;

    beforeAll(async () => {
      app = await InventoryTestApp.start(s3.env('app/'));
      admin = `Bearer ${await app.token('admin')}`;
    });
    afterAll(() => app?.close());

    it('stores an upload as objects in the bucket, serves them with the usual headers, and deletes them with the image', async () => {
      const { id } = await app.product();
      const picture = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#d35400' } })
        .jpeg()
        .toBuffer();
      const uploaded = (await app.http.post(`/api/admin/products/${id}/images`).set('Authorization', admin).attach('image', picture, 'dish.jpg').expect(201)).body;
      const keys = [uploaded.thumbUrl, uploaded.largeUrl].map((url: string) => url.replace('/api/images/', ''));
      expect(await objectKeys('app/')).toEqual(keys.map((key) => `app/${key}`).sort());
      // Nothing went to the database's own image table.
      const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM inventory.image_blobs WHERE key = ANY($1)`, [keys]);
      expect(rows[0].n).toBe(0);

      const large = await app.http.get(uploaded.largeUrl).buffer(true).expect(200);
      expect(large.headers['content-type']).toBe('image/webp');
      expect(large.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(large.headers.etag).toBe(`"${keys[1].slice(0, 64)}"`);
      expect(keyOf(large.body as Buffer)).toBe(keys[1]);
      expect(await sharp(large.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 900, height: 600 });
      await app.http.get(uploaded.largeUrl).set('If-None-Match', large.headers.etag).expect(304);

      await app.http.delete(`/api/admin/products/${id}/images/${uploaded.id}`).set('Authorization', admin).expect(204);
      await app.http.get(uploaded.largeUrl).expect(404);
      await app.http.get(uploaded.thumbUrl).expect(404);
      expect(await objectKeys('app/')).toEqual([]);
    });
  });
});
