import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { paymentSucceededV1, withTopicPrefix } from '@galley/contracts';
import { createKafkaClient } from '@galley/messaging';
import { testEnvironment, waitFor } from '@galley/testing';
import { OrdersTestApp } from './orders-test-app';

interface Letter {
  id: string | null;
  eventType: string | null;
  reason: string | null;
  attempts: number | null;
  failedAt: string | null;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
}

/** The admin dead-letter endpoints every service has (libs/platform), here on orders against the test broker. */
describe('dead letters (admin)', () => {
  let sut: OrdersTestApp;
  let admin: string;
  let producer: Producer;

  beforeAll(async () => {
    sut = await OrdersTestApp.start();
    admin = await sut.token('admin');
    producer = createKafkaClient({ clientId: 'orders-dlq-test', brokers: testEnvironment.kafkaBrokers }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await sut?.close();
  });

  const list = async (): Promise<Letter[]> => (await sut.http.get('/api/admin/dead-letters/orders').set('Authorization', `Bearer ${admin}`).expect(200)).body.items;

  it('lists what the consumers gave up on with the reason, and replays one event back to its topic', async () => {
    expect(await list()).toEqual([]);
    // A payment.succeeded with a broken envelope: orders dead-letters it at once (a permanent error).
    const eventId = randomUUID();
    const topic = withTopicPrefix(paymentSucceededV1.topic, sut.topicPrefix);
    const envelope = { id: eventId, type: paymentSucceededV1.type, version: 1, occurredAt: new Date().toISOString(), producer: 'payments', payload: { orderId: 'not-a-uuid' } };
    await producer.send({ topic, messages: [{ key: 'k-1', value: JSON.stringify(envelope), headers: { 'event-id': eventId, 'event-type': paymentSucceededV1.type } }] });

    const [letter] = await waitFor(
      async () => {
        const letters = await list();
        return letters.length === 1 ? letters : undefined;
      },
      { what: 'the dead letter in the list', timeoutMs: 60_000 },
    );
    expect(letter).toMatchObject({ id: eventId, eventType: 'payment.succeeded', topic, key: 'k-1', partition: expect.any(Number), offset: expect.any(String) });
    expect(letter.reason).toContain('invalid envelope');
    expect(letter.attempts).toEqual(expect.any(Number));
    expect(Date.parse(letter.failedAt ?? '')).not.toBeNaN();

    const replayOther = await sut.http.post('/api/admin/dead-letters/orders/replay').set('Authorization', `Bearer ${admin}`).send({ id: randomUUID() }).expect(200);
    expect(replayOther.body).toEqual({ replayed: 0, remaining: 0, items: [] });
    const replay = await sut.http.post('/api/admin/dead-letters/orders/replay').set('Authorization', `Bearer ${admin}`).send({ id: eventId }).expect(200);
    expect(replay.body).toMatchObject({ replayed: 1, items: [{ id: eventId }] });
    // Still broken: the consumer reads it again from its topic and dead-letters it a second time.
    await waitFor(async () => (await list()).filter((l) => l.id === eventId).length === 2, { what: 'the replayed event dead-lettered again', timeoutMs: 60_000 });
    // Replaying everything leaves an event whose replay failed again alone (it would only fail once more).
    const all = await sut.http.post('/api/admin/dead-letters/orders/replay').set('Authorization', `Bearer ${admin}`).send({}).expect(200);
    expect(all.body).toEqual({ replayed: 0, remaining: 0, items: [] });
    const listed = await sut.http.get('/api/admin/dead-letters/orders').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(listed.body.total).toBe(2);
  });

  it('refuses unknown fields and is for staff only', async () => {
    await sut.http.post('/api/admin/dead-letters/orders/replay').set('Authorization', `Bearer ${admin}`).send({ id: 'x', all: true }).expect(400);
    await sut.http
      .get('/api/admin/dead-letters/orders')
      .set('Authorization', `Bearer ${await sut.token('customer')}`)
      .expect(403);
    await sut.http.get('/api/admin/dead-letters/orders').expect(401);
  });
});
