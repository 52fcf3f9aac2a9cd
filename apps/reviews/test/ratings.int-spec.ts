import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { OutboxWriter } from '@galley/messaging';
import { ReviewsStore } from '../src/repositories/reviews-store';
import { RatingLedger } from '../src/services/rating-ledger';
import { recomputeAllRatings } from '../src/services/rating-recompute';
import { reviewsTestEnv, ReviewsTestApp } from './reviews-test-app';

const dist = (one: number, two: number, three: number, four: number, five: number) => ({ '1': one, '2': two, '3': three, '4': four, '5': five });

describe('reviews: rating aggregates and their recompute', () => {
  let sut: ReviewsTestApp;
  let admin: string;

  beforeAll(async () => {
    sut = await ReviewsTestApp.start();
    admin = await sut.token('admin');
  });

  afterAll(async () => {
    await sut?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const announced = async (productId: string) => (await sut.outbox(productId, 'review.rating_changed')).map((row) => row.envelope.payload);

  it('follows create, edit, delete, hide and restore, announcing each change of the rating once', async () => {
    const productId = sut.product();
    const five = await sut.review(productId, { rating: 5, body: 'Great.' });
    const four = await sut.review(productId, { rating: 4, body: 'Good.' });
    expect(await sut.rating(productId)).toEqual({ average: 4.5, count: 2, distribution: dist(0, 0, 0, 1, 1) });

    await sut.http.patch(`/api/reviews/${four.id}`).set(bearer(four.token)).send({ rating: 2 }).expect(200);
    expect(await sut.rating(productId)).toEqual({ average: 3.5, count: 2, distribution: dist(0, 1, 0, 0, 1) });
    // A text-only edit leaves the rating alone, and announces nothing.
    await sut.http.patch(`/api/reviews/${four.id}`).set(bearer(four.token)).send({ body: 'Good, but slow.' }).expect(200);

    await sut.http.post(`/api/admin/reviews/${five.id}/hide`).set(bearer(admin)).expect(200);
    await sut.http.post(`/api/admin/reviews/${five.id}/hide`).set(bearer(admin)).expect(200);
    expect(await sut.rating(productId)).toEqual({ average: 2, count: 1, distribution: dist(0, 1, 0, 0, 0) });
    const listed = await sut.http.get(`/api/products/${productId}/reviews`).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([four.id]);
    // Hidden reviews take no votes either.
    await sut.http.post(`/api/reviews/${five.id}/helpful`).set(bearer(four.token)).expect(404);

    const restored = await sut.http.post(`/api/admin/reviews/${five.id}/restore`).set(bearer(admin)).expect(200);
    expect(restored.body).toMatchObject({ id: five.id, status: 'published', moderationReason: null });
    expect(await sut.rating(productId)).toEqual({ average: 3.5, count: 2, distribution: dist(0, 1, 0, 0, 1) });

    await sut.http.delete(`/api/reviews/${four.id}`).set(bearer(four.token)).expect(204);
    expect(await sut.rating(productId)).toEqual({ average: 5, count: 1, distribution: dist(0, 0, 0, 0, 1) });

    expect(await announced(productId)).toEqual([
      { productId, average: 5, count: 1, distribution: dist(0, 0, 0, 0, 1) },
      { productId, average: 4.5, count: 2, distribution: dist(0, 0, 0, 1, 1) },
      { productId, average: 3.5, count: 2, distribution: dist(0, 1, 0, 0, 1) },
      { productId, average: 2, count: 1, distribution: dist(0, 1, 0, 0, 0) },
      { productId, average: 3.5, count: 2, distribution: dist(0, 1, 0, 0, 1) },
      { productId, average: 5, count: 1, distribution: dist(0, 0, 0, 0, 1) },
    ]);
    const created = await sut.outbox(productId, 'review.created');
    expect(created.map((row) => row.envelope.payload)).toEqual([
      expect.objectContaining({ reviewId: five.id, productId, rating: 5, body: 'Great.' }),
      expect.objectContaining({ reviewId: four.id, productId, rating: 4, body: 'Good.' }),
    ]);
  });

  it('answers 404 when hiding or restoring an unknown review, and 403 to a customer', async () => {
    await sut.http.post(`/api/admin/reviews/00000000-0000-4000-8000-000000000000/hide`).set(bearer(admin)).expect(404);
    await sut.http.post(`/api/admin/reviews/00000000-0000-4000-8000-000000000000/restore`).set(bearer(admin)).expect(404);
    await sut.http
      .post(`/api/admin/reviews/00000000-0000-4000-8000-000000000000/hide`)
      .set(bearer(await sut.token('customer')))
      .expect(403);
  });

  it('counts every one of 12 reviews of one product written at once (no lost update)', async () => {
    const productId = sut.product();
    const buyers = await Promise.all(Array.from({ length: 12 }, () => sut.buyer(productId)));
    const statuses = await Promise.all(
      buyers.map(
        async (buyer, i) =>
          (
            await sut.http
              .post(`/api/products/${productId}/reviews`)
              .set(bearer(buyer.token))
              .send({ rating: (i % 5) + 1, body: 'Concurrent.' })
          ).status,
      ),
    );
    expect(statuses).toEqual(Array(12).fill(201));
    expect(await sut.rating(productId)).toEqual({ average: 2.75, count: 12, distribution: dist(3, 3, 2, 2, 2) });
    const last = (await announced(productId)).at(-1);
    expect(last).toMatchObject({ count: 12, distribution: dist(3, 3, 2, 2, 2) });
  });

  describe('recompute', () => {
    it('fixes a corrupted aggregate, reports the drift and announces the fix once', async () => {
      const productId = sut.product();
      await sut.review(productId, { rating: 5, body: 'One.' });
      await sut.review(productId, { rating: 3, body: 'Two.' });
      await sut.db.query(`UPDATE reviews.rating_aggregates SET stars_5 = 100, stars_1 = 4 WHERE product_id = $1`, [productId]);
      expect((await sut.rating(productId)).count).toBe(105);
      const before = (await announced(productId)).length;

      const store = sut.app.get(ReviewsStore);
      const ledger = new RatingLedger(sut.app.get(OutboxWriter));
      const report = await recomputeAllRatings(store, ledger);
      expect(report.checked).toBeGreaterThanOrEqual(1);
      expect(report.fixed.filter((fixed) => fixed.productId === productId)).toEqual([
        { productId, drift: { '1': -4, '5': -99 }, summary: { average: 4, count: 2, distribution: dist(0, 0, 1, 0, 1) } },
      ]);
      expect(await sut.rating(productId)).toEqual({ average: 4, count: 2, distribution: dist(0, 0, 1, 0, 1) });
      const after = await announced(productId);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toEqual({ productId, average: 4, count: 2, distribution: dist(0, 0, 1, 0, 1) });

      // Nothing left to fix for this product on a second run.
      const again = await recomputeAllRatings(store, ledger);
      expect(again.fixed.filter((fixed) => fixed.productId === productId)).toEqual([]);
      expect(await announced(productId)).toHaveLength(before + 1);
    });

    it('runs as `npm run reviews:recompute` against galley_test when DB_NAME says so', async () => {
      const productId = sut.product();
      await sut.review(productId, { rating: 2, body: 'Meh.' });
      await sut.db.query(`UPDATE reviews.rating_aggregates SET stars_2 = 0, stars_4 = 7 WHERE product_id = $1`, [productId]);
      const root = process.cwd();
      const { DB_USER: _user, DB_PASSWORD: _password, ...env } = reviewsTestEnv();
      const cli = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/register-paths.cjs'), path.join(root, 'dist/apps/reviews/src/cli/recompute-ratings.js')], {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, ...env },
      });
      expect(cli.stderr).toBe('');
      expect(cli.status).toBe(0);
      expect(cli.stdout).toMatch(/^checked \d+ product\(s\) in galley_test; fixed \d+ drifted aggregate\(s\)/);
      expect(cli.stdout).toContain(`${productId}  drift: 2★ +1, 4★ -7  now: average 2, count 1`);
      expect(await sut.rating(productId)).toEqual({ average: 2, count: 1, distribution: dist(0, 1, 0, 0, 0) });
      expect((await announced(productId)).at(-1)).toEqual({ productId, average: 2, count: 1, distribution: dist(0, 1, 0, 0, 0) });
    });
  });
});
