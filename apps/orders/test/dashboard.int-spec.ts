import { randomUUID } from 'node:crypto';
import { productCreatedV1 } from '@galley/contracts';
import { ProductCreatedConsumer } from '../src/consumers/product-created.consumer';
import { OrdersTestApp } from './orders-test-app';

const everyDay = (intervals: object[]) => Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, intervals]));
// A day no other test places orders on: the test's orders are moved there.
const DAY = '2001-02-03';

describe('the staff dashboard', () => {
  let sut: OrdersTestApp;
  let admin: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sut = await OrdersTestApp.start();
    admin = await sut.token('admin');
    const customer = await sut.token('customer');
    const product = async (name: string, price: number) => {
      const productId = randomUUID();
      sut.productIds.add(productId);
      await sut.deliver(sut.app.get(ProductCreatedConsumer), productCreatedV1, {
        productId,
        name,
        categoryId: randomUUID(),
        price: { amount: price, currency: 'USD' },
        modifierGroups: [],
      });
      return productId;
    };
    const pizza = await product('Margherita', 1000);
    const soda = await product('Soda', 250);
    const order = async (lines: { productId: string; quantity: number }[], paid: boolean) => {
      const res = await sut.http
        .post('/api/orders')
        .set('Authorization', `Bearer ${customer}`)
        .send({ lines, fulfillment: { type: 'pickup' } })
        .expect(201);
      const id = res.body.id as string;
      if (paid) {
        await sut.confirmPaid(id, res.body.total);
      }
      return id;
    };
    ids.a = await order(
      [
        { productId: pizza, quantity: 2 },
        { productId: soda, quantity: 1 },
      ],
      true,
    ); // 2,250
    ids.b = await order([{ productId: soda, quantity: 4 }], true); // 1,000
    ids.c = await order([{ productId: pizza, quantity: 1 }], true); // 1,000
    ids.unpaid = await order([{ productId: pizza, quantity: 5 }], false);
    for (const id of [ids.a, ids.c]) {
      for (const status of ['PREPARING', 'READY']) await sut.http.post(`/api/admin/orders/${id}/status`).set('Authorization', `Bearer ${admin}`).send({ status }).expect(200);
    }
    // Move them to DAY: a at 09:10Z, b and c at 18:40Z, the unpaid one at 09:30Z; a took 10 minutes from CONFIRMED to READY, c 20.
    const at = async (id: string, placed: string, confirmed: string, ready?: string) => {
      await sut.db.query(`UPDATE orders.orders SET created_at = $2 WHERE id = $1`, [id, `${DAY}T${placed}Z`]);
      await sut.db.query(`UPDATE orders.order_status_history SET at = $2 WHERE order_id = $1 AND status = 'CONFIRMED'`, [id, `${DAY}T${confirmed}Z`]);
      if (ready) await sut.db.query(`UPDATE orders.order_status_history SET at = $2 WHERE order_id = $1 AND status = 'READY'`, [id, `${DAY}T${ready}Z`]);
    };
    await at(ids.a, '09:10:00', '09:12:00', '09:22:00');
    await at(ids.b, '18:40:00', '18:41:00');
    await at(ids.c, '18:40:00', '18:41:00', '19:01:00');
    await at(ids.unpaid, '09:30:00', '09:30:00');
    await sut.db.query(`UPDATE orders.orders SET refunded_amount = 250 WHERE id = $1`, [ids.b]);
  });

  afterEach(async () => {
    await sut.db.query(`DELETE FROM orders.store_settings`);
  });

  afterAll(async () => {
    await sut?.close();
  });

  const summary = (query: Record<string, string>) => sut.http.get('/api/admin/orders/summary').query(query).set('Authorization', `Bearer ${admin}`);

  it("sums the paid orders of a day in the store's time zone: revenue less refunds, CONFIRMED → READY, top items, every hour", async () => {
    const res = await summary({ date: DAY }).expect(200);
    expect(res.body).toMatchObject({
      date: DAY,
      timeZone: 'UTC',
      orders: 3,
      revenue: { amount: 2250 + 1000 - 250 + 1000, currency: 'USD' },
      averageConfirmedToReadySeconds: 15 * 60,
      topItems: [
        { name: 'Soda', quantity: 5, productId: expect.any(String) },
        { name: 'Margherita', quantity: 3, productId: expect.any(String) },
      ],
    });
    expect(res.body.byHour).toHaveLength(24);
    expect(res.body.byHour.filter((entry: { orders: number }) => entry.orders > 0)).toEqual([
      { hour: 9, orders: 1 },
      { hour: 18, orders: 2 },
    ]);
  });

  it('counts the day and its hours in the store time zone', async () => {
    await sut.http
      .put('/api/admin/store')
      .set('Authorization', `Bearer ${admin}`)
      .send({ timeZone: 'Asia/Tokyo', openingHours: everyDay([{ open: '00:00', close: '24:00' }]), kitchenCapacity: null })
      .expect(200);
    // 18:40Z is 03:40 the next day in Tokyo; 09:10Z is 18:10 on DAY.
    const day = await summary({ date: DAY }).expect(200);
    expect(day.body).toMatchObject({ timeZone: 'Asia/Tokyo', orders: 1, revenue: { amount: 2250 } });
    expect(day.body.byHour.filter((entry: { orders: number }) => entry.orders > 0)).toEqual([{ hour: 18, orders: 1 }]);
    const next = await summary({ date: '2001-02-04' }).expect(200);
    expect(next.body).toMatchObject({ orders: 2, averageConfirmedToReadySeconds: 20 * 60 });
  });

  it('is today by default and has nothing and no average for an empty day', async () => {
    expect((await summary({}).expect(200)).body.date).toBe(new Date().toISOString().slice(0, 10));
    expect((await summary({ date: '2001-01-01' }).expect(200)).body).toMatchObject({ orders: 0, revenue: { amount: 0 }, averageConfirmedToReadySeconds: null, topItems: [] });
  });

  it.each([['2001-02-30'], ['yesterday'], ['2001-2-3']])('refuses the date %p with a 400', async (date) => {
    const res = await summary({ date }).expect(400);
    expect(res.body.message).toContain('YYYY-MM-DD');
  });

  it('is for staff only', async () => {
    await sut.http
      .get('/api/admin/orders/summary')
      .set('Authorization', `Bearer ${await sut.token('customer')}`)
      .expect(403);
  });

  it('finds orders by the start of their id', async () => {
    const res = await sut.http
      .get('/api/admin/orders')
      .query({ q: ids.b.slice(0, 8).toUpperCase() })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(res.body.items.map((item: { id: string }) => item.id)).toContain(ids.b);
    expect(res.body.items.every((item: { id: string }) => item.id.startsWith(ids.b.slice(0, 8)))).toBe(true);
    await sut.http.get('/api/admin/orders').query({ q: "x' OR 1=1" }).set('Authorization', `Bearer ${admin}`).expect(400);
  });
});
