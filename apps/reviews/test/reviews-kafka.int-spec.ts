import { randomUUID } from 'node:crypto';
import { Kafka, Producer } from 'kafkajs';
import { EventEnvelope, orderCompletedV1, OrderCompletedV1, TOPICS, withTopicPrefix } from '@galley/contracts';
import { createKafkaClient } from '@galley/messaging';
import { collectMessages, createServiceTopics, publishEnvelope, testEnvelope, testEnvironment, uniqueSuffix, waitFor } from '@galley/testing';
import { ReviewsTestApp } from './reviews-test-app';

/** order.completed from the real broker into the service's consumer; reviews.events read back from it. */
describe('reviews through Kafka', () => {
  const prefix = `t${uniqueSuffix()}.`;
  let sut: ReviewsTestApp;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    kafka = createKafkaClient({ clientId: 'reviews-test', brokers: testEnvironment.kafkaBrokers });
    await createServiceTopics(prefix);
    producer = kafka.producer();
    await producer.connect();
    sut = await ReviewsTestApp.start({ KAFKA_TOPIC_PREFIX: prefix, CONSUMER_RETRY_BASE_MS: '50', OUTBOX_POLL_INTERVAL_MS: '200' });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await sut?.close();
  });

  const publish = async (payload: OrderCompletedV1, id: string): Promise<void> => {
    sut.eventIds.add(id);
    await publishEnvelope(producer, orderCompletedV1, testEnvelope(orderCompletedV1, payload, { eventId: id, aggregateId: payload.orderId }), prefix);
  };

  it('lets a buyer review once order.completed arrives (a redelivery has one effect), and publishes review.created and review.rating_changed', async () => {
    const productId = sut.product();
    const otherProductId = sut.product();
    const customerId = randomUUID();
    const token = await sut.token('customer', customerId);
    const review = { rating: 4, body: 'Arrived hot.' };
    await sut.http.post(`/api/products/${productId}/reviews`).set('Authorization', `Bearer ${token}`).send(review).expect(403);

    const eventId = randomUUID();
    const order: OrderCompletedV1 = { orderId: randomUUID(), customerId, productIds: [productId, otherProductId] };
    await publish(order, eventId);
    await publish(order, eventId);
    await waitFor(async () => (await sut.db.query(`SELECT 1 FROM reviews.verified_purchases WHERE customer_id = $1`, [customerId])).rows.length === 2, {
      timeoutMs: 60_000,
      what: 'the verified purchases of order.completed',
    });
    // Both copies are handled (or skipped) before the inbox is counted.
    await waitFor(async () => (await sut.db.query(`SELECT 1 FROM reviews.inbox WHERE event_id = $1`, [eventId])).rows.length === 1, { what: 'the inbox row' });
    const created = await sut.http.post(`/api/products/${productId}/reviews`).set('Authorization', `Bearer ${token}`).send(review).expect(201);
    await sut.http.post(`/api/products/${otherProductId}/reviews`).set('Authorization', `Bearer ${token}`).send({ rating: 2, body: 'Too salty.' }).expect(201);
    const second = await sut.buyer(productId);
    await sut.http.post(`/api/products/${productId}/reviews`).set('Authorization', `Bearer ${second.token}`).send({ rating: 5, body: 'Lovely.' }).expect(201);

    const messages = await collectMessages(kafka, withTopicPrefix(TOPICS.reviews, prefix), (received) => received.filter((m) => m.key === productId).length >= 4, 60_000);
    const events = messages.filter((m) => m.key === productId).map((m) => JSON.parse(m.value) as EventEnvelope<Record<string, unknown>>);
    expect(events.map((e) => e.type)).toEqual(['review.created', 'review.rating_changed', 'review.created', 'review.rating_changed']);
    expect(events[0].payload).toEqual({ reviewId: created.body.id, productId, customerId, rating: 4, body: 'Arrived hot.' });
    expect(events[3].payload).toEqual({ productId, average: 4.5, count: 2, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 } });
    const inbox = await sut.db.query(`SELECT count(*)::int AS n FROM reviews.inbox WHERE event_id = $1`, [eventId]);
    expect(inbox.rows[0].n).toBe(1);
  });
});
