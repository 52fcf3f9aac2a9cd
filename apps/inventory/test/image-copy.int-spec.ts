import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { testEnvironment } from '@galley/testing';
import { runImageCopy } from '../src/cli/image-copy.command';
import { InventoryTestApp } from './inventory-test-app';
import { S3TestServer } from './s3-test-server';

const keyOfUrl = (url: string) => url.replace('/api/images/', '');

/** `npm run images:copy`: pictures uploaded under one IMAGE_STORAGE are served after switching to another. */
describe(runImageCopy.name, () => {
  let dir: string;
  let s3: S3TestServer;
  let onDisk: InventoryTestApp;
  let inPostgres: InventoryTestApp;
  let inBucket: InventoryTestApp;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'galley-copy-'));
    s3 = await S3TestServer.start();
    onDisk = await InventoryTestApp.start({ IMAGE_STORAGE: 'disk', IMAGE_STORAGE_DIR: dir });
    inPostgres = await InventoryTestApp.start({ IMAGE_STORAGE: 'postgres' });
    inBucket = await InventoryTestApp.start(s3.env());
    env = {
      DB_HOST: testEnvironment.dbHost,
      DB_PORT: String(testEnvironment.dbPort),
      DB_NAME: testEnvironment.databaseName,
      DB_PASSWORD_INVENTORY: process.env.DB_PASSWORD_INVENTORY,
      IMAGE_STORAGE_DIR: dir,
      ...s3.env(),
    };
  });

  afterAll(async () => {
    await inBucket?.close();
    await inPostgres?.close();
    await onDisk?.close();
    await s3?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('copies disk to postgres and postgres to s3, skipping what is there on a rerun', async () => {
    const { id } = await onDisk.product();
    const picture = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#f39c12' } })
      .jpeg()
      .toBuffer();
    const uploaded = (
      await onDisk.http
        .post(`/api/admin/products/${id}/images`)
        .set('Authorization', `Bearer ${await onDisk.token('admin')}`)
        .attach('image', picture, 'dish.jpg')
        .expect(201)
    ).body;
    const keys = [keyOfUrl(uploaded.thumbUrl), keyOfUrl(uploaded.largeUrl)];
    const original = (await onDisk.http.get(uploaded.largeUrl).buffer(true).expect(200)).body as Buffer;
    await inPostgres.http.get(uploaded.largeUrl).expect(404);

    const toPostgres = await runImageCopy({ from: 'disk', to: 'postgres' }, env);
    expect(toPostgres.copied).toEqual(expect.arrayContaining(keys));
    const served = await inPostgres.http.get(uploaded.largeUrl).buffer(true).expect(200);
    expect(Buffer.compare(served.body as Buffer, original)).toBe(0);
    expect(served.headers['content-type']).toBe('image/webp');
    await inPostgres.http.get(uploaded.thumbUrl).expect(200);

    const again = await runImageCopy({ from: 'disk', to: 'postgres' }, env);
    expect(again.present).toEqual(expect.arrayContaining(keys));
    expect(again.copied.filter((key) => keys.includes(key))).toEqual([]);

    await inBucket.http.get(uploaded.largeUrl).expect(404);
    const toBucket = await runImageCopy({ from: 'postgres', to: 's3' }, env);
    expect(toBucket.copied).toEqual(expect.arrayContaining(keys));
    expect(Buffer.compare((await inBucket.http.get(uploaded.largeUrl).buffer(true).expect(200)).body as Buffer, original)).toBe(0);
  });

  it('names a storage setting that is missing before touching anything', async () => {
    await expect(runImageCopy({ from: 'postgres', to: 's3' }, { ...env, IMAGE_S3_BUCKET: undefined })).rejects.toThrow(/IMAGE_S3_BUCKET is required when IMAGE_STORAGE=s3/);
  });
});
