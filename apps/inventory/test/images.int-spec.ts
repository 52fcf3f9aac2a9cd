import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { InventoryTestApp } from './inventory-test-app';

/** Product pictures: upload (checked by content), WebP renditions, public immutable reads, delete. */
describe('inventory product images', () => {
  let sut: InventoryTestApp;
  let storageDir: string;
  let admin: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'galley-images-'));
    // The local-disk storage (IMAGE_STORAGE=disk): the checks below look at its files.
    sut = await InventoryTestApp.start({ IMAGE_STORAGE: 'disk', IMAGE_STORAGE_DIR: storageDir });
    admin = `Bearer ${await sut.token('admin')}`;
  });

  afterAll(async () => {
    await sut?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const photo = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg', colour = '#c0392b') =>
    sharp({ create: { width, height, channels: 3, background: colour } })
      .composite([
        { input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 3}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="#f1c40f"/></svg>`) },
      ])
      .toFormat(format)
      .toBuffer();

  const upload = (productId: string, bytes: Buffer, filename = 'dish.jpg', field = 'image') =>
    sut.http.post(`/api/admin/products/${productId}/images`).set('Authorization', admin).attach(field, bytes, filename);

  const storedFiles = async (): Promise<string[]> => {
    const shards = await readdir(storageDir).catch(() => [] as string[]);
    return (await Promise.all(shards.map(async (shard) => readdir(path.join(storageDir, shard))))).flat();
  };

  const imageRows = async (productId: string): Promise<number> =>
    (await sut.db.query(`SELECT count(*)::int AS n FROM inventory.product_images WHERE product_id = $1`, [productId])).rows[0].n;

  it('stores WebP renditions (320 and 1280 wide) served immutable, and lists them on the product and in search', async () => {
    const { id, categoryId } = await sut.product(0, { name: 'Pictured pizza' });
    const res = await upload(id, await photo(2000, 1500)).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      thumbUrl: expect.stringMatching(/^\/api\/images\/[0-9a-f]{64}\.webp$/),
      largeUrl: expect.stringMatching(/^\/api\/images\/[0-9a-f]{64}\.webp$/),
    });

    const thumb = await sut.http.get(res.body.thumbUrl).buffer(true).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(thumb.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await sharp(thumb.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 320, height: 240 });
    const large = await sut.http.get(res.body.largeUrl).buffer(true).expect(200);
    expect(await sharp(large.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 1280, height: 960 });
    // Metadata is stripped: no EXIF, ICC or XMP travels with the rendition.
    const meta = await sharp(large.body as Buffer).metadata();
    expect([meta.exif, meta.icc, meta.xmp]).toEqual([undefined, undefined, undefined]);
    // A client that has it already gets 304.
    await sut.http.get(res.body.thumbUrl).set('If-None-Match', thumb.headers.etag).expect(304);

    const product = (await sut.http.get(`/api/products/${id}`).expect(200)).body;
    expect(product.images).toEqual([res.body]);
    const listed = (await sut.http.get('/api/products').query({ category: categoryId, q: 'pizza' }).expect(200)).body;
    expect(listed.items[0].images).toEqual([res.body]);
  });

  it('never upscales a small picture, applies its EXIF orientation, and accepts PNG and WebP', async () => {
    const { id } = await sut.product();
    // 200×100 stored sideways with EXIF orientation 6 (rotate 90°): it shows 100 wide, 200 high.
    const sideways = await sharp(await photo(200, 100))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const res = await upload(id, sideways).expect(201);
    const large = await sut.http.get(res.body.largeUrl).buffer(true).expect(200);
    expect(await sharp(large.body as Buffer).metadata()).toMatchObject({ width: 100, height: 200 });
    expect((await sharp(large.body as Buffer).metadata()).orientation).toBeUndefined();
    await upload(id, await photo(400, 300, 'png', '#2980b9'), 'dish.png').expect(201);
    await upload(id, await photo(400, 300, 'webp', '#27ae60'), 'dish.webp').expect(201);
    expect((await sut.http.get(`/api/products/${id}`).expect(200)).body.images).toHaveLength(3);
  });

  it('gives back the image already there when the same picture is uploaded twice', async () => {
    const { id } = await sut.product();
    const bytes = await photo(640, 480, 'jpeg', '#8e44ad');
    const first = await upload(id, bytes).expect(201);
    const second = await upload(id, bytes).expect(201);
    expect(second.body).toEqual(first.body);
    expect(await imageRows(id)).toBe(1);
  });

  it.each<[string, () => Promise<Buffer>, string, RegExp]>([
    ['a text file named .png', async () => Buffer.from('definitely not a picture, just words\n'.repeat(20)), 'menu.png', /image must be a JPEG, PNG or WebP/],
    [
      'PNG magic bytes followed by junk',
      async () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]),
      'fake.png',
      /image .*cannot be read/,
    ],
    ['a truncated JPEG', async () => (await photo(1600, 1200)).subarray(0, 6000), 'cut.jpg', /image is a damaged or truncated JPEG/],
    [
      'a GIF',
      async () =>
        sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      'anim.gif',
      /image must be a JPEG, PNG or WebP/,
    ],
    ['a picture too small to be a photo', async () => photo(8, 8, 'png'), 'dot.png', /image must be at least 16×16/],
  ])('refuses %s with a 400 naming image, storing nothing', async (_case, make, filename, message) => {
    const { id } = await sut.product();
    const before = await storedFiles();
    const res = await upload(id, await make(), filename).expect(400);
    expect(res.body.message).toMatch(message);
    expect(await imageRows(id)).toBe(0);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a file over 5 MiB with a 413 naming image and the limit, storing nothing', async () => {
    const { id } = await sut.product();
    const before = await storedFiles();
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5 * 1024 * 1024)]);
    const res = await upload(id, huge).expect(413);
    expect(res.body.message).toBe('image must be at most 5 MiB (5242880 bytes)');
    expect(await imageRows(id)).toBe(0);
    expect(await storedFiles()).toEqual(before);
  });

  it('answers 400 naming image when there is no file or it comes in another field', async () => {
    const { id } = await sut.product();
    const none = await sut.http.post(`/api/admin/products/${id}/images`).set('Authorization', admin).send({}).expect(400);
    expect(none.body.message).toMatch(/image is required/);
    const wrongField = await upload(id, await photo(100, 100), 'a.jpg', 'picture').expect(400);
    expect(wrongField.body.message).toMatch(/image must be sent as one file in the multipart\/form-data field "image"/);
    expect(await imageRows(id)).toBe(0);
  });

  it('answers 404 for an unknown or archived product, 401/403 without an admin token', async () => {
    const bytes = await photo(100, 100);
    await upload(randomUUID(), bytes).expect(404);
    const { id } = await sut.product();
    await sut.http.delete(`/api/admin/products/${id}`).set('Authorization', admin).expect(204);
    await upload(id, bytes).expect(404);
    await sut.http.post(`/api/admin/products/${id}/images`).attach('image', bytes, 'a.jpg').expect(401);
    await sut.http
      .post(`/api/admin/products/${id}/images`)
      .set('Authorization', `Bearer ${await sut.token('customer')}`)
      .attach('image', bytes, 'a.jpg')
      .expect(403);
  });

  it('deletes an image: gone from the product, its bytes removed unless another product uses the same picture', async () => {
    const bytes = await photo(500, 400, 'jpeg', '#16a085');
    const one = await sut.product();
    const two = await sut.product();
    const a = (await upload(one.id, bytes).expect(201)).body;
    const b = (await upload(two.id, bytes).expect(201)).body;
    expect(b.largeUrl).toBe(a.largeUrl); // same content, same key

    await sut.http.delete(`/api/admin/products/${one.id}/images/${a.id}`).set('Authorization', admin).expect(204);
    expect((await sut.http.get(`/api/products/${one.id}`).expect(200)).body.images).toEqual([]);
    await sut.http.get(a.largeUrl).expect(200); // still used by product two
    await sut.http.delete(`/api/admin/products/${one.id}/images/${a.id}`).set('Authorization', admin).expect(404);
    await sut.http.delete(`/api/admin/products/${one.id}/images/${b.id}`).set('Authorization', admin).expect(404); // not this product's

    await sut.http.delete(`/api/admin/products/${two.id}/images/${b.id}`).set('Authorization', admin).expect(204);
    await sut.http.get(b.largeUrl).expect(404);
    await sut.http.get(b.thumbUrl).expect(404);
  });

  it.each(['nope', '../../etc/passwd.webp', `${'a'.repeat(64)}.webp`, `${'A'.repeat(64)}.webp`])('answers 404 for the image key %j', async (key) => {
    const res = await sut.http.get(`/api/images/${encodeURIComponent(key)}`).expect(404);
    expect(res.body.statusCode).toBe(404);
  });
});
