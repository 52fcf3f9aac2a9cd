import { randomUUID } from 'node:crypto';
import { Kafka, Producer } from 'kafkajs';
import { orderPlacedV1, OrderPlacedV1 } from '@galley/contracts';
import { createKafkaClient } from '@galley/messaging';
import { createServiceTopics, publishEnvelope, testEnvelope, testEnvironment, uniqueSuffix, waitFor } from '@galley/testing';
import { InventoryTestApp } from './inventory-test-app';

/** order.placed published on the real broker and handled by the service's own consumer group. */
describe('inventory reservations through Kafka', () => {
  const prefix = `t${uniqueSuffix()}.`;
  let sut: InventoryTestApp;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    kafka = createKafkaClient({ clientId: 'inventory-test', brokers: testEnvironment.kafkaBrokers });
    await createServiceTopics(prefix);
    producer = kafka.producer();
    await producer.connect();
    sut = await InventoryTestApp.start({ KAFKA_TOPIC_PREFIX: prefix, CONSUMER_RETRY_BASE_MS: '50' });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await sut?.close();
  });

  const publish = async (payload: OrderPlacedV1, id = randomUUID()): Promise<void> => {
    await publishEnvelope(producer, orderPlacedV1, testEnvelope(orderPlacedV1, payload, { eventId: id, aggregateId: payload.orderId }), prefix);
  };

  it('reserves exactly 5 of 50 orders published at once for 5 units, rejects 45, and a redelivered event changes nothing', async () => {
    const { id: productId } = await sut.product(5);
    const orders = Array.from({ length: 50 }, () => {
      const orderId = randomUUID();
      sut.orderIds.add(orderId);
      return {
        orderId,
        customerId: randomUUID(),
        lines: [{ productId, quantity: 1, unitPrice: { amount: 900, currency: 'USD' } }],
        total: { amount: 900, currency: 'USD' },
        fulfillmentType: 'pickup' as const,
      };
    });
    const eventIds = orders.map(() => randomUUID());
    await Promise.all(orders.map((payload, i) => publish(payload, eventIds[i])));
    // The same event again (a redelivery after a crash, say).
    await publish(orders[0], eventIds[0]);
    const statuses = await waitFor(
      async () => {
        const { rows } = await sut.db.query(`SELECT status FROM inventory.reservations WHERE order_id = ANY($1::uuid[])`, [orders.map((o) => o.orderId)]);
        return rows.length === 50 ? rows.map((row: { status: string }) => row.status) : undefined;
      },
      { timeoutMs: 90_000, what: '50 reservations' },
    );
    expect(statuses.filter((status) => status === 'held')).toHaveLength(5);
    expect(statuses.filter((status) => status === 'rejected')).toHaveLength(45);
    expect(await sut.level(productId)).toEqual({ on_hand: 5, reserved: 5 });
    const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM inventory.inbox WHERE event_id = ANY($1::uuid[])`, [eventIds]);
    expect(rows[0].n).toBe(50);
    await sut.db.query(`DELETE FROM inventory.inbox WHERE event_id = ANY($1::uuid[])`, [eventIds]);
  });
});
