import { randomUUID } from 'node:crypto';
import { ReviewsTestApp } from './reviews-test-app';

describe('reviews: purchase gate, writing, editing, votes and listing', () => {
  let sut: ReviewsTestApp;

  beforeAll(async () => {
    sut = await ReviewsTestApp.start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const good = { rating: 5, title: 'Great', body: 'Crisp base and fresh basil.' };
  const count = async (sql: string, params: unknown[]) => (await sut.db.query(sql, params)).rows[0].n as number;

  describe('the purchase gate', () => {
    it('refuses a customer before order.completed (403) and accepts them after; a redelivered event has one effect', async () => {
      const productId = sut.product();
      const customerId = randomUUID();
      const token = await sut.token('customer', customerId);
      const refused = await sut.http.post(`/api/products/${productId}/reviews`).set(bearer(token)).send(good).expect(403);
      expect(refused.body.message).toMatch(/completed order/);
      expect(await count(`SELECT count(*)::int AS n FROM reviews.reviews WHERE product_id = $1`, [productId])).toBe(0);

      const eventId = randomUUID();
      const orderId = randomUUID();
      expect(await sut.complete({ customerId, productIds: [productId], orderId }, eventId)).toBe(true);
      expect(await sut.complete({ customerId, productIds: [productId], orderId }, eventId)).toBe(false);
      expect(await count(`SELECT count(*)::int AS n FROM reviews.verified_purchases WHERE customer_id = $1`, [customerId])).toBe(1);

      const created = await sut.http.post(`/api/products/${productId}/reviews`).set(bearer(token)).send(good).expect(201);
      expect(created.body).toMatchObject({ productId, customerId, rating: 5, title: 'Great', body: 'Crisp base and fresh basil.', status: 'published', helpfulCount: 0 });
      expect(created.body).not.toHaveProperty('analysis');
    });

    it('refuses a buyer of another product of the same order only for products not in it', async () => {
      const [bought, other] = [sut.product(), sut.product()];
      const buyer = await sut.buyer(bought);
      await sut.http.post(`/api/products/${other}/reviews`).set(bearer(buyer.token)).send(good).expect(403);
      await sut.http.post(`/api/products/${bought}/reviews`).set(bearer(buyer.token)).send(good).expect(201);
    });

    it('answers 409 to a second review of the same product, also when both race', async () => {
      const productId = sut.product();
      const buyer = await sut.buyer(productId);
      const statuses = await Promise.all(
        [1, 2, 3].map(
          async (rating) =>
            (
              await sut.http
                .post(`/api/products/${productId}/reviews`)
                .set(bearer(buyer.token))
                .send({ ...good, rating })
            ).status,
        ),
      );
      expect(statuses.sort()).toEqual([201, 409, 409]);
      await sut.http.post(`/api/products/${productId}/reviews`).set(bearer(buyer.token)).send(good).expect(409);
      expect((await sut.rating(productId)).count).toBe(1);
    });
  });

  describe('input', () => {
    it.each<[string, Record<string, unknown>, RegExp]>([
      ['rating 0', { rating: 0, body: 'x' }, /rating/],
      ['rating 6', { rating: 6, body: 'x' }, /rating/],
      ['rating 4.5', { rating: 4.5, body: 'x' }, /rating/],
      ['rating "5"', { rating: '5', body: 'x' }, /rating/],
      ['no body', { rating: 5 }, /body/],
      ['a blank body', { rating: 5, body: '   ' }, /body/],
      ['a body of 5001 characters', { rating: 5, body: 'x'.repeat(5001) }, /body/],
      ['a title of 201 characters', { rating: 5, body: 'x', title: 't'.repeat(201) }, /title/],
      ['a numeric title', { rating: 5, body: 'x', title: 7 }, /title/],
      ['an unknown field', { rating: 5, body: 'x', stars: 5 }, /stars/],
    ])('answers 400 naming the field to %s and stores nothing', async (_case, body, field) => {
      const productId = sut.product();
      const buyer = await sut.buyer(productId);
      const res = await sut.http.post(`/api/products/${productId}/reviews`).set(bearer(buyer.token)).send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(field);
      expect(await count(`SELECT count(*)::int AS n FROM reviews.reviews WHERE product_id = $1`, [productId])).toBe(0);
    });

    it('trims the body and title, and stores a blank title as none', async () => {
      const productId = sut.product();
      const created = await sut.review(productId, { rating: 4, title: '   ', body: '  Tasty.  ' });
      const res = await sut.http.get(`/api/products/${productId}/reviews`).expect(200);
      expect(res.body.items).toEqual([expect.objectContaining({ id: created.id, title: null, body: 'Tasty.' })]);
    });

    it('accepts a body of exactly 5000 characters', async () => {
      const productId = sut.product();
      await sut.review(productId, { rating: 3, body: 'y'.repeat(5000) });
    });

    it.each(['/api/products/not-a-uuid/reviews', '/api/products/not-a-uuid/rating'])('answers 400 to GET %s', async (path) => {
      await sut.http.get(path).expect(400);
    });

    it('answers 401 without a token when writing', async () => {
      await sut.http.post(`/api/products/${randomUUID()}/reviews`).send(good).expect(401);
    });
  });

  describe('editing and deleting', () => {
    it('lets the author edit their review, and answers 404 to anyone else', async () => {
      const productId = sut.product();
      const review = await sut.review(productId, good);
      const stranger = await sut.token('customer');
      await sut.http.patch(`/api/reviews/${review.id}`).set(bearer(stranger)).send({ rating: 1 }).expect(404);
      await sut.http.delete(`/api/reviews/${review.id}`).set(bearer(stranger)).expect(404);

      const edited = await sut.http.patch(`/api/reviews/${review.id}`).set(bearer(review.token)).send({ rating: 3, title: null }).expect(200);
      expect(edited.body).toMatchObject({ id: review.id, rating: 3, title: null, body: good.body, status: 'published' });
      expect(Date.parse(edited.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(edited.body.createdAt));
    });

    it('answers 400 to an edit with no field or a bad one, and changes nothing', async () => {
      const productId = sut.product();
      const review = await sut.review(productId, good);
      await sut.http.patch(`/api/reviews/${review.id}`).set(bearer(review.token)).send({}).expect(400);
      const bad = await sut.http.patch(`/api/reviews/${review.id}`).set(bearer(review.token)).send({ rating: 9, body: 'changed' }).expect(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/rating/);
      await sut.http.patch(`/api/reviews/${review.id}`).set(bearer(review.token)).send({ body: null }).expect(400);
      const { rows } = await sut.db.query(`SELECT rating, body FROM reviews.reviews WHERE id = $1`, [review.id]);
      expect(rows[0]).toEqual({ rating: 5, body: good.body });
    });

    it('deletes the author’s review, who may then review the product again', async () => {
      const productId = sut.product();
      const review = await sut.review(productId, good);
      await sut.http.delete(`/api/reviews/${review.id}`).set(bearer(review.token)).expect(204);
      await sut.http.delete(`/api/reviews/${review.id}`).set(bearer(review.token)).expect(404);
      await sut.http.post(`/api/products/${productId}/reviews`).set(bearer(review.token)).send(good).expect(201);
    });
  });

  describe('helpful votes', () => {
    it('counts one vote per customer, refuses the author’s own vote, and 404s an unknown review', async () => {
      const productId = sut.product();
      const review = await sut.review(productId, good);
      const [alice, bob] = [await sut.token('customer'), await sut.token('customer')];
      expect((await sut.http.post(`/api/reviews/${review.id}/helpful`).set(bearer(alice)).expect(200)).body).toEqual({ reviewId: review.id, helpfulCount: 1 });
      expect((await sut.http.post(`/api/reviews/${review.id}/helpful`).set(bearer(alice)).expect(200)).body.helpfulCount).toBe(1);
      const together = await Promise.all([1, 2, 3].map(() => sut.http.post(`/api/reviews/${review.id}/helpful`).set(bearer(bob))));
      expect(together.map((res) => res.status)).toEqual([200, 200, 200]);
      const own = await sut.http.post(`/api/reviews/${review.id}/helpful`).set(bearer(review.token)).expect(403);
      expect(own.body.message).toMatch(/own review/);
      await sut.http.post(`/api/reviews/${randomUUID()}/helpful`).set(bearer(alice)).expect(404);
      const listed = await sut.http.get(`/api/products/${productId}/reviews`).expect(200);
      expect(listed.body.items[0].helpfulCount).toBe(2);
    });
  });

  describe('listing', () => {
    it('pages through every sort with keyset cursors, without repeats or gaps', async () => {
      const productId = sut.product();
      const ratings = [3, 5, 1, 4, 2, 5, 3];
      const created: { id: string; rating: number }[] = [];
      for (const rating of ratings) created.push({ id: (await sut.review(productId, { rating, body: `Rated ${rating}` })).id, rating });
      // Distinct creation times, oldest first in `created`.
      await sut.db.query(
        `UPDATE reviews.reviews r SET created_at = now() - make_interval(mins => v.ord::int) FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, ord) WHERE r.id = v.id`,
        [[...created].reverse().map((c) => c.id)],
      );
      const voter = await sut.token('customer');
      const second = await sut.token('customer');
      await sut.http.post(`/api/reviews/${created[2].id}/helpful`).set(bearer(voter)).expect(200);
      await sut.http.post(`/api/reviews/${created[2].id}/helpful`).set(bearer(second)).expect(200);
      await sut.http.post(`/api/reviews/${created[4].id}/helpful`).set(bearer(voter)).expect(200);

      const walk = async (sort: string) => {
        const seen: { id: string; rating: number }[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: { items: { id: string; rating: number }[]; nextCursor: string | null } } = await sut.http
            .get(`/api/products/${productId}/reviews`)
            .query({ sort, limit: 3, ...(cursor ? { cursor } : {}) })
            .expect(200);
          expect(page.body.items.length).toBeLessThanOrEqual(3);
          seen.push(...page.body.items.map((item) => ({ id: item.id, rating: item.rating })));
          cursor = page.body.nextCursor;
        } while (cursor);
        return seen;
      };
      const newest = [...created].reverse();
      expect(await walk('newest')).toEqual(newest);
      const byRating = (direction: 1 | -1) => [...newest].sort((a, b) => direction * (a.rating - b.rating));
      expect(await walk('highest')).toEqual(byRating(-1));
      expect(await walk('lowest')).toEqual(byRating(1));
      const helpful = await walk('helpful');
      expect(helpful.slice(0, 2).map((r) => r.id)).toEqual([created[2].id, created[4].id]);
      expect(helpful.slice(2)).toEqual(newest.filter((r) => r.id !== created[2].id && r.id !== created[4].id));
    });

    it('answers 400 to a bad sort, limit or cursor, and to a cursor of another sort', async () => {
      const productId = sut.product();
      await sut.review(productId, good);
      await sut.review(productId, good);
      const first = await sut.http.get(`/api/products/${productId}/reviews`).query({ limit: 1, sort: 'highest' }).expect(200);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      await sut.http.get(`/api/products/${productId}/reviews`).query({ cursor: first.body.nextCursor, sort: 'lowest' }).expect(400);
      for (const query of [{ sort: 'best' }, { limit: 0 }, { limit: 101 }, { cursor: 'garbage' }]) {
        const res = await sut.http.get(`/api/products/${productId}/reviews`).query(query).expect(400);
        expect(JSON.stringify(res.body.message)).toMatch(Object.keys(query)[0]);
      }
    });

    it('lists an unknown product as empty with zero rating', async () => {
      const productId = randomUUID();
      expect((await sut.http.get(`/api/products/${productId}/reviews`).expect(200)).body).toEqual({ items: [], nextCursor: null });
      expect(await sut.rating(productId)).toEqual({ average: 0, count: 0, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } });
    });
  });
});
