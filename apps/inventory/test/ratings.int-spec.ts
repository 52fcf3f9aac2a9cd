import { randomUUID } from 'node:crypto';
import { EventEnvelope, reviewRatingChangedV1, ReviewRatingChangedV1 } from '@galley/contracts';
import { recordInInbox } from '@galley/messaging';
import { eventHandlerOf } from '@galley/platform';
import { DataSource } from 'typeorm';
import { ReviewRatingChangedConsumer } from '../src/consumers/review-rating-changed.consumer';
import { InventoryTestApp } from './inventory-test-app';

/** The reviews read-model: review.rating_changed kept on the product, read back and sorted by. */
describe('inventory ratings (review.rating_changed)', () => {
  let sut: InventoryTestApp;
  const eventIds: string[] = [];

  beforeAll(async () => {
    sut = await InventoryTestApp.start();
  });

  afterAll(async () => {
    await sut?.db.query(`DELETE FROM inventory.inbox WHERE event_id = ANY($1::uuid[])`, [eventIds]);
    await sut?.close();
  });

  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };

  /** Delivers a rating event with the given occurredAt, as the consumer's inbox transaction does. */
  async function rate(productId: string, average: number, count: number, occurredAt: Date): Promise<void> {
    const payload: ReviewRatingChangedV1 = { productId, average, count, distribution };
    const envelope: EventEnvelope<ReviewRatingChangedV1> = {
      id: randomUUID(),
      type: reviewRatingChangedV1.type,
      version: reviewRatingChangedV1.version,
      occurredAt: occurredAt.toISOString(),
      aggregateId: productId,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      payload,
    };
    eventIds.push(envelope.id);
    await sut.app.get(DataSource).transaction(async (manager) => {
      await recordInInbox(manager, 'inventory', {
        envelope: envelope as unknown as EventEnvelope,
        consumerGroup: 'galley-inventory-test',
        topic: reviewRatingChangedV1.topic,
        partition: 0,
        offset: '0',
      });
      await eventHandlerOf(sut.app, sut.app.get(ReviewRatingChangedConsumer), reviewRatingChangedV1).handle(payload, envelope, manager);
    });
  }

  const ratingOf = async (id: string) => (await sut.http.get(`/api/products/${id}`).expect(200)).body.rating;

  it('applies a rating, and ignores one computed before the stored one (a late redelivery)', async () => {
    const { id } = await sut.product();
    expect(await ratingOf(id)).toEqual({ average: 0, count: 0 });
    const t0 = new Date(Date.now() - 60_000);
    await rate(id, 4, 1, t0);
    expect(await ratingOf(id)).toEqual({ average: 4, count: 1 });
    await rate(id, 4.5, 2, new Date(t0.getTime() + 10_000));
    expect(await ratingOf(id)).toEqual({ average: 4.5, count: 2 });
    // An aggregate older than the stored one arrives late: the rating does not move backwards.
    await rate(id, 3, 1, new Date(t0.getTime() + 5_000));
    expect(await ratingOf(id)).toEqual({ average: 4.5, count: 2 });
    // A review hidden later brings the rating down: newer aggregates always apply.
    await rate(id, 4, 1, new Date(t0.getTime() + 20_000));
    expect(await ratingOf(id)).toEqual({ average: 4, count: 1 });
  });

  it('ignores a rating for an unknown product without failing the event', async () => {
    const unknown = randomUUID();
    await expect(rate(unknown, 5, 1, new Date())).resolves.toBeUndefined();
    const { rows } = await sut.db.query(`SELECT 1 FROM inventory.products WHERE id = $1`, [unknown]);
    expect(rows).toHaveLength(0);
  });

  it('sorts by rating (average, then count, then id) and pages through every product once by cursor', async () => {
    const { id: categoryId } = await sut.category();
    const make = async () => (await sut.product(0, { categoryId })).id;
    const [a, b, c, d, e] = [await make(), await make(), await make(), await make(), await make()];
    const at = new Date();
    await rate(a, 4.5, 10, at);
    await rate(b, 4.5, 2, at);
    await rate(c, 5, 1, at);
    await rate(d, 3.25, 4, at);
    // e is unrated (0, 0): last.
    const expected = [c, a, b, d, e];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = { category: categoryId, sort: 'rating', limit: 2, ...(cursor ? { cursor } : {}) };
      const body = (await sut.http.get('/api/products').query(query).expect(200)).body;
      seen.push(...body.items.map((item: { id: string }) => item.id));
      cursor = body.nextCursor;
    } while (cursor && seen.length < 20);
    expect(seen).toEqual(expected);
    const first = (await sut.http.get('/api/products').query({ category: categoryId, sort: 'rating', limit: 1 }).expect(200)).body.items[0];
    expect(first.rating).toEqual({ average: 5, count: 1 });
  });

  it('orders ties on average and count by id, deterministically', async () => {
    const { id: categoryId } = await sut.category();
    const ids = [(await sut.product(0, { categoryId })).id, (await sut.product(0, { categoryId })).id, (await sut.product(0, { categoryId })).id];
    for (const id of ids) await rate(id, 4, 3, new Date());
    const body = (await sut.http.get('/api/products').query({ category: categoryId, sort: 'rating' }).expect(200)).body;
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([...ids].sort().reverse());
  });
});
