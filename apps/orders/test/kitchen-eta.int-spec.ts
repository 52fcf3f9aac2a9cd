import { randomUUID } from 'node:crypto';
import { productCreatedV1 } from '@galley/contracts';
import { ProductCreatedConsumer } from '../src/consumers/product-created.consumer';
import { ordersSchema } from '../src/schema/orders.schema';
import { ScratchServiceDatabase } from '@galley/testing';
import { OrdersTestApp } from './orders-test-app';

const MINUTE = 60_000;
const everyDay = (intervals: object[]) => Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, intervals]));

/** The kitchen's estimate on the order responses and in the events the customer's stream turns into `event: eta`. */
describe('kitchen ETA', () => {
  let sut: OrdersTestApp;
  let admin: string;
  // The kitchen queue is every open order of the store: other suites' orders in galley_test would move the estimates.
  let scratch: ScratchServiceDatabase;

  beforeAll(async () => {
    scratch = await ScratchServiceDatabase.create('orders', ordersSchema);
    sut = await OrdersTestApp.start(scratch.env);
    admin = await sut.token('admin');
  });

  afterEach(async () => {
    await sut.db.query(`DELETE FROM orders.store_settings`);
  });

  afterAll(async () => {
    await sut?.close();
    await scratch?.drop();
  });

  async function product(preparationMinutes: number): Promise<string> {
    const productId = randomUUID();
    sut.productIds.add(productId);
    await sut.deliver(sut.app.get(ProductCreatedConsumer), productCreatedV1, {
      productId,
      name: `Dish ${productId.slice(0, 6)}`,
      categoryId: randomUUID(),
      price: { amount: 500, currency: 'USD' },
      modifierGroups: [],
      preparationMinutes,
    });
    return productId;
  }

  async function confirmed(customer: string, productId: string, quantity: number): Promise<{ id: string; placedEstimate: string }> {
    const res = await sut.http
      .post('/api/orders')
      .set('Authorization', `Bearer ${customer}`)
      .send({ lines: [{ productId, quantity }], fulfillment: { type: 'pickup' } });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await sut.confirmPaid(id, { amount: 500 * quantity, currency: 'USD' });
    return { id, placedEstimate: res.body.estimatedReadyAt };
  }

  const estimateOf = async (orderId: string, token: string): Promise<string | null> =>
    (await sut.http.get(`/api/orders/${orderId}`).set('Authorization', `Bearer ${token}`).expect(200)).body.estimatedReadyAt;
  const move = (orderId: string, status: string) => sut.http.post(`/api/admin/orders/${orderId}/status`).set('Authorization', `Bearer ${admin}`).send({ status }).expect(200);
  const minutesFromNow = (iso: string | null) => (new Date(iso!).getTime() - Date.now()) / MINUTE;

  it('estimates from the preparation times when the order is placed, and carries the estimate of each move in order.status_changed', async () => {
    const customer = await sut.token('customer');
    const { id, placedEstimate } = await confirmed(customer, await product(7), 2);
    // Unlimited kitchen (the default): 2 × 7 minutes from now, whatever else is cooking.
    expect(minutesFromNow(placedEstimate)).toBeGreaterThan(13.5);
    expect(minutesFromNow(placedEstimate)).toBeLessThanOrEqual(14);
    expect(minutesFromNow(await estimateOf(id, customer))).toBeCloseTo(14, 0);

    const preparing = await move(id, 'PREPARING');
    expect(minutesFromNow(preparing.body.estimatedReadyAt)).toBeCloseTo(14, 0);
    // The same tap sent again (a board that was offline) changes nothing.
    const again = await move(id, 'PREPARING');
    expect(again.body.history).toHaveLength(preparing.body.history.length);
    const ready = await move(id, 'READY');
    const readyAt = ready.body.history.at(-1).at;
    expect(ready.body.estimatedReadyAt).toBe(readyAt);
    const completed = await move(id, 'COMPLETED');
    expect(completed.body.estimatedReadyAt).toBeNull();

    const changes = (await sut.outbox(id, 'order.status_changed')).map((row) => row.envelope.payload);
    expect(changes.map((payload) => payload.status)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'READY', 'COMPLETED']);
    // The saga steps before the kitchen carry no estimate (older consumers never needed one); the kitchen's do.
    expect(changes.slice(0, 2).map((payload) => 'estimatedReadyAt' in payload)).toEqual([false, false]);
    expect(minutesFromNow(changes[2].estimatedReadyAt as string)).toBeCloseTo(14, 0);
    expect(changes[3].estimatedReadyAt).toBe(preparing.body.estimatedReadyAt);
    expect(changes[4].estimatedReadyAt).toBe(readyAt);
    expect(changes[5].estimatedReadyAt).toBeNull();
  });

  it('moves the estimate of the orders waiting behind a ticket when the kitchen finishes it, announcing order.eta_changed', async () => {
    const customer = await sut.token('customer');
    // A long ticket first, so that it decides when the waiting one can start.
    const first = await confirmed(customer, await product(60), 4);
    const second = await confirmed(customer, await product(5), 1);
    await sut.http
      .put('/api/admin/store')
      .set('Authorization', `Bearer ${admin}`)
      .send({ timeZone: 'UTC', openingHours: everyDay([{ open: '00:00', close: '24:00' }]), kitchenCapacity: 1 })
      .expect(200);
    await move(first.id, 'PREPARING');
    const behind = minutesFromNow(await estimateOf(second.id, customer));
    expect(behind).toBeGreaterThanOrEqual(240 + 5 - 1);
    // Starting the first ticket may already have moved the second.
    const earlier = (await sut.outbox(second.id, 'order.eta_changed')).length;

    await move(first.id, 'READY');
    const moved = (await sut.outbox(second.id, 'order.eta_changed')).slice(earlier);
    expect(moved).toHaveLength(1);
    expect(moved[0].envelope.payload).toMatchObject({ orderId: second.id, estimatedReadyAt: expect.any(String), at: expect.any(String) });
    const now = minutesFromNow(moved[0].envelope.payload.estimatedReadyAt as string);
    expect(now).toBeLessThan(behind - 200);
    expect(minutesFromNow(await estimateOf(second.id, customer))).toBeCloseTo(now, 0);
    // The order that moved carries its own estimate in its status change, not in an eta_changed.
    expect(await sut.outbox(first.id, 'order.eta_changed')).toHaveLength(0);

    await move(second.id, 'CANCELLED');
    expect(await estimateOf(second.id, customer)).toBeNull();
  });
});
