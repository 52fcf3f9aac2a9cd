import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { IMAGE_STORAGE, ImageStorage } from '../src/repositories/image-storage';
import { PostgresImageStorage } from '../src/repositories/postgres-image-storage';
import { InventoryTestApp } from './inventory-test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const keyOfUrl = (url: string) => url.replace('/api/images/', '');

/**
 * Two inventory instances on one database with the default storage (IMAGE_STORAGE unset, so
 * postgres), as two pods behind one Service: whatever one stores, the other serves.
 */
describe(`${PostgresImageStorage.name} shared by two inventory instances`, () => {
  let one: InventoryTestApp;
  let two: InventoryTestApp;
  let dirs: string[];
  let admin: string;
  let adminTwo: string;

  beforeAll(async () => {
    // Each instance gets an empty directory of its own: with the default storage nothing may land there.
    dirs = [await mkdtemp(path.join(os.tmpdir(), 'galley-pod1-')), await mkdtemp(path.join(os.tmpdir(), 'galley-pod2-'))];
    [one, two] = await Promise.all(dirs.map((dir) => InventoryTestApp.start({ IMAGE_STORAGE_DIR: dir })));
    // Each instance trusts only the tokens of its own test issuer.
    admin = `Bearer ${await one.token('admin')}`;
    adminTwo = `Bearer ${await two.token('admin')}`;
  });

  afterAll(async () => {
    // One after the other: each removes the bytes its products used unless the other's still use them.
    await one?.close();
    await two?.close();
    await Promise.all((dirs ?? []).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const adminOf = (app: InventoryTestApp) => (app === one ? admin : adminTwo);
  const photo = (colour: string) =>
    sharp({ create: { width: 1600, height: 1200, channels: 3, background: colour } })
      .composite([{ input: Buffer.from(`<svg width="1600" height="1200"><rect x="300" y="200" width="700" height="500" fill="#ecf0f1"/></svg>`) }])
      .jpeg()
      .toBuffer();
  const upload = (app: InventoryTestApp, productId: string, bytes: Buffer) =>
    app.http.post(`/api/admin/products/${productId}/images`).set('Authorization', adminOf(app)).attach('image', bytes, 'dish.jpg');
  const blobs = async (keys: string[]): Promise<{ key: string; content_type: string; size: number }[]> =>
    (await one.db.query(`SELECT key, content_type, octet_length(bytes)::int AS size FROM inventory.image_blobs WHERE key = ANY($1) ORDER BY key`, [keys])).rows;

  it('serves an upload made through one instance from the other: same bytes, type and caching headers', async () => {
    const { id } = await one.product();
    const uploaded = (await upload(one, id, await photo('#c0392b')).expect(201)).body;

    for (const url of [uploaded.thumbUrl, uploaded.largeUrl]) {
      const fromOne = await one.http.get(url).buffer(true).expect(200);
      const fromTwo = await two.http.get(url).buffer(true).expect(200);
      expect(Buffer.compare(fromTwo.body as Buffer, fromOne.body as Buffer)).toBe(0);
      expect(`${sha256(fromTwo.body as Buffer)}.webp`).toBe(keyOfUrl(url));
      expect(fromTwo.headers['content-type']).toBe('image/webp');
      expect(fromTwo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(fromTwo.headers.etag).toBe(fromOne.headers.etag);
      await two.http.get(url).set('If-None-Match', fromOne.headers.etag).expect(304);
    }
    expect(await sharp((await two.http.get(uploaded.largeUrl).buffer(true)).body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 1280, height: 960 });
    expect((await two.http.get(`/api/products/${id}`).expect(200)).body.images).toEqual([uploaded]);

    const keys = [keyOfUrl(uploaded.thumbUrl), keyOfUrl(uploaded.largeUrl)].sort();
    expect((await blobs(keys)).map((row) => [row.key, row.content_type])).toEqual(keys.map((key) => [key, 'image/webp']));
    expect(await Promise.all(dirs.map((dir) => readdir(dir)))).toEqual([[], []]);
  });

  it('answers 404 on the other instance once one deletes the image, and the bytes are gone', async () => {
    const { id } = await one.product();
    const uploaded = (await upload(one, id, await photo('#2c3e50')).expect(201)).body;
    await two.http.get(uploaded.largeUrl).expect(200);

    await one.http.delete(`/api/admin/products/${id}/images/${uploaded.id}`).set('Authorization', admin).expect(204);
    await two.http.get(uploaded.largeUrl).expect(404);
    await two.http.get(uploaded.thumbUrl).expect(404);
    expect(await blobs([keyOfUrl(uploaded.thumbUrl), keyOfUrl(uploaded.largeUrl)])).toEqual([]);
  });

  it('keeps a picture two products share, whichever instance removes it from one of them', async () => {
    const bytes = await photo('#27ae60');
    const first = await one.product();
    const second = await two.product();
    const a = (await upload(one, first.id, bytes).expect(201)).body;
    const b = (await upload(two, second.id, bytes).expect(201)).body;
    expect(b.largeUrl).toBe(a.largeUrl);

    await two.http.delete(`/api/admin/products/${second.id}/images/${b.id}`).set('Authorization', adminTwo).expect(204);
    await one.http.get(a.largeUrl).expect(200);
    await one.http.delete(`/api/admin/products/${first.id}/images/${a.id}`).set('Authorization', admin).expect(204);
    await two.http.get(a.largeUrl).expect(404);
  });

  it('stores each rendition once when both instances take the same picture at the same time', async () => {
    const bytes = await photo('#8e44ad');
    const [p1, p2] = [await one.product(), await two.product()];
    const [r1, r2] = await Promise.all([upload(one, p1.id, bytes), upload(two, p2.id, bytes)]);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect(r2.body.largeUrl).toBe(r1.body.largeUrl);
    const keys = [keyOfUrl(r1.body.thumbUrl), keyOfUrl(r1.body.largeUrl)].sort();
    expect((await blobs(keys)).map((row) => row.key)).toEqual(keys);
    await two.http.get(r1.body.largeUrl).expect(200);
  });

  it('writes bytes with the transaction it joins: a rollback leaves nothing stored', async () => {
    const storage = one.app.get<ImageStorage>(IMAGE_STORAGE);
    const key = `${'e'.repeat(63)}1.webp`;
    const failed = one.app.get(DataSource).transaction(async (manager) => {
      await storage.within!(manager).put(key, Buffer.from('never committed'));
      expect(await storage.within!(manager).get(key)).toEqual(Buffer.from('never committed'));
      throw new Error('the metadata write failed');
    });
    await expect(failed).rejects.toThrow('the metadata write failed');
    expect(await storage.get(key)).toBeNull();
    expect(await two.app.get<ImageStorage>(IMAGE_STORAGE).get(key)).toBeNull();
  });
});
