import { randomUUID } from 'node:crypto';
import { ReviewsTestApp } from './reviews-test-app';

const POSITIVE = 'Delicious food, friendly staff, crispy crust.';
const NEGATIVE = 'Cold pizza, rude staff and a very long wait. Terrible experience.';

describe('reviews: moderation, text analysis and insights', () => {
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

  describe('moderation', () => {
    it('holds a review with abusive language: told to the author, not listed, not counted, queued as held; restoring publishes it', async () => {
      const productId = sut.product();
      await sut.review(productId, { rating: 4, body: POSITIVE });
      const author = await sut.buyer(productId);
      const created = await sut.http
        .post(`/api/products/${productId}/reviews`)
        .set(bearer(author.token))
        .send({ rating: 1, title: 'What a load of sh1t', body: 'The waiter was a bitch.' })
        .expect(201);
      expect(created.body.status).toBe('held');
      expect(await sut.rating(productId)).toMatchObject({ count: 1, average: 4 });
      const listed = await sut.http.get(`/api/products/${productId}/reviews`).expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
      // Anyone may read the listing: it must not link reviews to account ids.
      expect(listed.body.items.length).toBeGreaterThan(0);
      for (const item of listed.body.items) expect(item).not.toHaveProperty('customerId');
      expect(await sut.outbox(productId, 'review.rating_changed')).toHaveLength(1);

      const held = await sut.http.get('/api/admin/reviews').query({ status: 'held', productId }).set(bearer(admin)).expect(200);
      expect(held.body.items).toEqual([
        expect.objectContaining({
          id: created.body.id,
          status: 'held',
          moderationReason: 'abusive language: shit, bitch',
          analysis: { sentiment: { label: expect.any(String), score: expect.any(Number) }, keyPhrases: expect.any(Array), language: 'en' },
        }),
      ]);
      const published = await sut.http.get('/api/admin/reviews').query({ status: 'published', productId }).set(bearer(admin)).expect(200);
      expect(published.body.items).toHaveLength(1);

      await sut.http.post(`/api/admin/reviews/${created.body.id}/restore`).set(bearer(admin)).expect(200);
      expect(await sut.rating(productId)).toMatchObject({ count: 2, average: 2.5 });
      expect((await sut.http.get(`/api/products/${productId}/reviews`).expect(200)).body.items).toHaveLength(2);
      expect((await sut.http.get('/api/admin/reviews').query({ status: 'held', productId }).set(bearer(admin)).expect(200)).body.items).toEqual([]);
    });

    it('publishes a held review once its author rewrites it cleanly, and keeps a hidden one hidden through edits', async () => {
      const productId = sut.product();
      const author = await sut.buyer(productId);
      const held = await sut.http.post(`/api/products/${productId}/reviews`).set(bearer(author.token)).send({ rating: 2, body: 'Shit service.' }).expect(201);
      expect(held.body.status).toBe('held');
      const cleaned = await sut.http.patch(`/api/reviews/${held.body.id}`).set(bearer(author.token)).send({ body: 'Poor service.' }).expect(200);
      expect(cleaned.body.status).toBe('published');
      expect((await sut.rating(productId)).count).toBe(1);
      await sut.http.post(`/api/admin/reviews/${held.body.id}/hide`).set(bearer(admin)).expect(200);
      const edited = await sut.http.patch(`/api/reviews/${held.body.id}`).set(bearer(author.token)).send({ rating: 5 }).expect(200);
      expect(edited.body.status).toBe('hidden');
      expect((await sut.rating(productId)).count).toBe(0);
    });

    it('shows a review with its analysis to admins, and re-analyses an edited text', async () => {
      const productId = sut.product();
      const review = await sut.review(productId, { rating: 5, body: POSITIVE });
      const before = await sut.http.get(`/api/admin/reviews/${review.id}`).set(bearer(admin)).expect(200);
      expect(before.body.analysis).toEqual({
        sentiment: { label: 'positive', score: expect.any(Number) },
        keyPhrases: expect.arrayContaining(['crispy crust', 'friendly staff']),
        language: 'en',
      });
      await sut.http.patch(`/api/reviews/${review.id}`).set(bearer(review.token)).send({ body: NEGATIVE }).expect(200);
      const after = await sut.http.get(`/api/admin/reviews/${review.id}`).set(bearer(admin)).expect(200);
      expect(after.body.analysis).toEqual({
        sentiment: { label: 'negative', score: expect.any(Number) },
        keyPhrases: expect.arrayContaining(['cold pizza', 'rude staff']),
        language: 'en',
      });
      await sut.http.get(`/api/admin/reviews/${randomUUID()}`).set(bearer(admin)).expect(404);
      await sut.http.get(`/api/admin/reviews/${review.id}`).set(bearer(review.token)).expect(403);
    });

    it('answers 400 to a bad status, product id or cursor in the admin list', async () => {
      for (const query of [{ status: 'deleted' }, { productId: 'nope' }, { cursor: 'nope' }, { limit: 0 }]) {
        const res = await sut.http.get('/api/admin/reviews').query(query).set(bearer(admin)).expect(400);
        expect(JSON.stringify(res.body.message)).toMatch(Object.keys(query)[0]);
      }
    });

    it('pages through the admin list', async () => {
      const productId = sut.product();
      for (let i = 0; i < 3; i += 1) await sut.review(productId, { rating: 3, body: `Review ${i}` });
      const first = await sut.http.get('/api/admin/reviews').query({ productId, limit: 2 }).set(bearer(admin)).expect(200);
      const second = await sut.http.get('/api/admin/reviews').query({ productId, limit: 2, cursor: first.body.nextCursor }).set(bearer(admin)).expect(200);
      expect(second.body.nextCursor).toBeNull();
      expect(new Set([...first.body.items, ...second.body.items].map((item: { id: string }) => item.id)).size).toBe(3);
    });
  });

  describe('POST /api/admin/text/analyze', () => {
    it('answers one result per text, in order', async () => {
      const res = await sut.http
        .post('/api/admin/text/analyze')
        .set(bearer(admin))
        .send({ texts: [POSITIVE, NEGATIVE] })
        .expect(200);
      expect(res.body).toEqual({
        results: [
          { sentiment: { label: 'positive', score: expect.any(Number) }, keyPhrases: expect.arrayContaining(['crispy crust']), language: 'en' },
          { sentiment: { label: 'negative', score: expect.any(Number) }, keyPhrases: expect.arrayContaining(['cold pizza']), language: 'en' },
        ],
      });
      expect(res.body.results[0].sentiment.score).toBeGreaterThan(0);
      expect(res.body.results[1].sentiment.score).toBeLessThan(0);
    });

    it('takes 100 texts of 5000 characters (more than the default body limit)', async () => {
      const texts = Array.from({ length: 100 }, (_, i) => `${i % 2 ? POSITIVE : NEGATIVE} `.repeat(80).slice(0, 5000));
      const res = await sut.http.post('/api/admin/text/analyze').set(bearer(admin)).send({ texts }).expect(200);
      expect(res.body.results).toHaveLength(100);
    });

    it.each<[string, unknown]>([
      ['no texts', {}],
      ['an empty list', { texts: [] }],
      ['101 texts', { texts: Array(101).fill('Fine.') }],
      ['a number among the texts', { texts: ['Fine.', 3] }],
      ['a null among the texts', { texts: [null] }],
      ['a blank text', { texts: ['  '] }],
      ['a text of 5001 characters', { texts: ['x'.repeat(5001)] }],
      ['a string instead of a list', { texts: 'Fine.' }],
      ['an unknown field', { texts: ['Fine.'], lang: 'en' }],
    ])('answers 400 naming the field to %s', async (_case, body) => {
      const res = await sut.http
        .post('/api/admin/text/analyze')
        .set(bearer(admin))
        .send(body as object)
        .expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(_case === 'an unknown field' ? /lang/ : /texts/);
    });

    it('is for admins only', async () => {
      await sut.http
        .post('/api/admin/text/analyze')
        .set(bearer(await sut.token('customer')))
        .send({ texts: ['x'] })
        .expect(403);
      await sut.http
        .post('/api/admin/text/analyze')
        .send({ texts: ['x'] })
        .expect(401);
    });
  });

  describe('GET /api/admin/products/:id/review-insights', () => {
    it('reports sentiment, phrases, weekly figures and rating/sentiment disagreements over the published reviews', async () => {
      const productId = sut.product();
      const seeded = [
        { rating: 5, body: POSITIVE, at: '2025-03-03T10:00:00Z' },
        { rating: 4, body: 'Wonderful dinner, delicious pasta and friendly staff.', at: '2025-03-05T10:00:00Z' },
        { rating: 5, body: NEGATIVE, at: '2025-03-10T10:00:00Z' },
        { rating: 1, body: 'Soggy crust, cold pizza, awful.', at: '2025-03-11T10:00:00Z' },
        { rating: 2, body: 'Loved it, crispy crust!', at: '2025-03-12T10:00:00Z' },
      ];
      const ids: string[] = [];
      for (const review of seeded) {
        const { id } = await sut.review(productId, { rating: review.rating, body: review.body });
        await sut.db.query(`UPDATE reviews.reviews SET created_at = $2 WHERE id = $1`, [id, review.at]);
        ids.push(id);
      }
      // Neither a held nor a hidden review is in the report.
      await sut.review(productId, { rating: 5, body: 'Fucking great.' });
      const hidden = await sut.review(productId, { rating: 1, body: NEGATIVE });
      await sut.http.post(`/api/admin/reviews/${hidden.id}/hide`).set(bearer(admin)).expect(200);

      const res = await sut.http.get(`/api/admin/products/${productId}/review-insights`).set(bearer(admin)).expect(200);
      expect(res.body).toMatchObject({
        productId,
        reviewCount: 5,
        averageRating: 3.4,
        sentiment: { positive: 3, negative: 2, neutral: 0 },
        weekly: [
          { week: '2025-W10', weekStart: '2025-03-03', reviewCount: 2, averageRating: 4.5, sentiment: { positive: 2, negative: 0, neutral: 0 } },
          { week: '2025-W11', weekStart: '2025-03-10', reviewCount: 3, averageRating: 2.67, sentiment: { positive: 1, negative: 2, neutral: 0 } },
        ],
        disagreements: [
          {
            reviewId: ids[4],
            kind: 'low_rating_positive_text',
            rating: 2,
            sentiment: { label: 'positive' },
            excerpt: 'Loved it, crispy crust!',
            createdAt: '2025-03-12T10:00:00.000Z',
          },
          { reviewId: ids[2], kind: 'high_rating_negative_text', rating: 5, sentiment: { label: 'negative' }, excerpt: NEGATIVE },
        ],
      });
      expect(res.body.weekly[0].averageSentiment).toBeGreaterThan(0);
      expect(res.body.weekly[1].averageSentiment).toBeLessThan(0);
      expect(res.body.topPositivePhrases.slice(0, 2)).toEqual([
        { phrase: 'crispy crust', count: 2 },
        { phrase: 'friendly staff', count: 2 },
      ]);
      expect(res.body.topNegativePhrases[0]).toEqual({ phrase: 'cold pizza', count: 2 });
    });

    it('answers zeros for a product without reviews, 400 for a bad id and 403 to a customer', async () => {
      const productId = randomUUID();
      const res = await sut.http.get(`/api/admin/products/${productId}/review-insights`).set(bearer(admin)).expect(200);
      expect(res.body).toEqual({
        productId,
        reviewCount: 0,
        averageRating: 0,
        averageSentiment: 0,
        sentiment: { positive: 0, negative: 0, neutral: 0 },
        topPositivePhrases: [],
        topNegativePhrases: [],
        weekly: [],
        disagreements: [],
      });
      await sut.http.get('/api/admin/products/nope/review-insights').set(bearer(admin)).expect(400);
      await sut.http
        .get(`/api/admin/products/${productId}/review-insights`)
        .set(bearer(await sut.token('customer')))
        .expect(403);
    });
  });
});
