import { randomUUID } from 'node:crypto';
import {
  paymentDisputedV1,
  paymentFailedV1,
  paymentIntentCreatedV1,
  paymentRefundedV1,
  paymentSucceededV1,
  productArchivedV1,
  productUpdatedV1,
  stockRejectedV1,
  stockReservationExpiredV1,
  stockReservedV1,
} from '@galley/contracts';
import { PaymentDisputedConsumer } from '../src/consumers/payment-disputed.consumer';
import { PaymentFailedConsumer } from '../src/consumers/payment-failed.consumer';
import { PaymentIntentCreatedConsumer } from '../src/consumers/payment-intent-created.consumer';
import { PaymentRefundedConsumer } from '../src/consumers/payment-refunded.consumer';
import { PaymentSucceededConsumer } from '../src/consumers/payment-succeeded.consumer';
import { ProductArchivedConsumer } from '../src/consumers/product-archived.consumer';
import { ProductUpdatedConsumer } from '../src/consumers/product-updated.consumer';
import { StockRejectedConsumer } from '../src/consumers/stock-rejected.consumer';
import { StockReservationExpiredConsumer } from '../src/consumers/stock-reservation-expired.consumer';
import { StockReservedConsumer } from '../src/consumers/stock-reserved.consumer';
import { OrdersTestApp } from './orders-test-app';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('orders service', () => {
  let sut: OrdersTestApp;

  beforeAll(async () => {
    sut = await OrdersTestApp.start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  async function place(token: string, body: object, key?: string) {
    const req = sut.http.post('/api/orders').set('Authorization', `Bearer ${token}`);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  }

  async function placed(token: string, productId: string, quantity = 1): Promise<string> {
    const res = await place(token, { lines: [{ productId, quantity }], fulfillment: { type: 'pickup' } });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const reserve = (orderId: string) =>
    sut.deliver(sut.app.get(StockReservedConsumer), stockReservedV1, {
      orderId,
      reservationId: randomUUID(),
      lines: [],
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
    });
  const pay = (orderId: string, amount: number, eventId?: string) =>
    sut.deliver(
      sut.app.get(PaymentSucceededConsumer),
      paymentSucceededV1,
      { paymentId: randomUUID(), orderId, paymentIntentId: `pi_${orderId.slice(0, 8)}`, amount: usd(amount) },
      { eventId },
    );

  async function order(orderId: string, token: string) {
    const res = await sut.http.get(`/api/orders/${orderId}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  describe('placing an order', () => {
    it('prices every line on the server, modifiers included, and ignores a total the client sends', async () => {
      const LARGE = randomUUID();
      const productId = await sut.product(1000, [
        {
          id: randomUUID(),
          name: 'Size',
          minSelect: 1,
          maxSelect: 1,
          options: [
            { id: randomUUID(), name: 'Small', priceDelta: usd(0) },
            { id: LARGE, name: 'Large', priceDelta: usd(350) },
          ],
        },
      ]);
      const customer = await sut.token('customer');
      const res = await place(customer, {
        lines: [{ productId, quantity: 2, modifierOptionIds: [LARGE] }],
        fulfillment: { type: 'pickup' },
        total: { amount: 1, currency: 'USD' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'PENDING',
        total: usd(2700),
        lines: [{ productId, quantity: 2, unitPrice: usd(1350), lineTotal: usd(2700), modifiers: [{ name: 'Large', group: 'Size' }] }],
        history: [{ status: 'PENDING', sequence: 1 }],
      });
      const [placedEvent] = await sut.outbox(res.body.id, 'order.placed');
      expect(placedEvent.envelope.payload).toMatchObject({ orderId: res.body.id, total: usd(2700), lines: [{ productId, quantity: 2, unitPrice: usd(1350) }] });
    });

    it.each([
      ['no lines', { lines: [], fulfillment: { type: 'pickup' } }, 'lines'],
      ['a bad product id', { lines: [{ productId: 'nope', quantity: 1 }], fulfillment: { type: 'pickup' } }, 'productId'],
      ['a zero quantity', { lines: [{ productId: randomUUID(), quantity: 0 }], fulfillment: { type: 'pickup' } }, 'quantity'],
      ['an unknown product', { lines: [{ productId: randomUUID(), quantity: 1 }], fulfillment: { type: 'pickup' } }, 'lines[0].productId'],
      ['delivery without an address', { lines: [{ productId: randomUUID(), quantity: 1 }], fulfillment: { type: 'delivery' } }, 'fulfillment.address'],
      ['an unknown fulfilment type', { lines: [{ productId: randomUUID(), quantity: 1 }], fulfillment: { type: 'drone' } }, 'fulfillment.type'],
      // The API fuzz found these a 500: @ValidateNested() alone lets a missing object through.
      ['no fulfillment', { lines: [{ productId: randomUUID(), quantity: 1 }] }, 'fulfillment'],
      ['a fulfillment that is not an object', { lines: [{ productId: randomUUID(), quantity: 1 }], fulfillment: 'pickup' }, 'fulfillment'],
    ])('refuses %s with a 400 naming the field, creating nothing', async (_case, body, field) => {
      const customerId = randomUUID();
      const res = await place(await sut.token('customer', customerId), body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
      const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM orders.orders WHERE customer_id = $1`, [customerId]);
      expect(rows[0].n).toBe(0);
    });

    it('refuses a modifier choice outside the group bounds', async () => {
      const [CHEESE, BACON] = [randomUUID(), randomUUID()];
      const productId = await sut.product(800, [
        {
          id: randomUUID(),
          name: 'Extras',
          minSelect: 0,
          maxSelect: 1,
          options: [
            { id: CHEESE, name: 'Cheese', priceDelta: usd(100) },
            { id: BACON, name: 'Bacon', priceDelta: usd(200) },
          ],
        },
      ]);
      const res = await place(await sut.token('customer'), { lines: [{ productId, quantity: 1, modifierOptionIds: [CHEESE, BACON] }], fulfillment: { type: 'pickup' } });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('choose at most 1 from "Extras"');
    });

    it('uses the latest product event and refuses archived products', async () => {
      const productId = await sut.product(500);
      const update = { productId, name: 'Renamed', categoryId: randomUUID(), price: usd(650), modifierGroups: [] };
      await sut.deliver(sut.app.get(ProductUpdatedConsumer), productUpdatedV1, update);
      // A late, older update must not win.
      await sut.deliver(sut.app.get(ProductUpdatedConsumer), productUpdatedV1, { ...update, price: usd(1) }, { occurredAt: new Date(Date.now() - 60_000) });
      const customer = await sut.token('customer');
      const res = await place(customer, { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } });
      expect(res.body).toMatchObject({ total: usd(650), lines: [{ name: 'Renamed' }] });
      await sut.deliver(sut.app.get(ProductArchivedConsumer), productArchivedV1, { productId });
      expect((await place(customer, { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } })).status).toBe(400);
    });

    it('refuses a product staff took off sale with a 422 naming the line, and takes it again once back on sale', async () => {
      const [onSale, offSale] = [await sut.product(500), await sut.product(700)];
      const update = { productId: offSale, name: 'Tiramisu', categoryId: randomUUID(), price: usd(700), modifierGroups: [], onSale: false, preparationMinutes: 3 };
      await sut.deliver(sut.app.get(ProductUpdatedConsumer), productUpdatedV1, update);
      const { rows } = await sut.db.query(`SELECT on_sale, preparation_minutes FROM orders.catalog_products WHERE id = $1`, [offSale]);
      expect(rows[0]).toEqual({ on_sale: false, preparation_minutes: 3 });
      const customer = await sut.token('customer');
      const body = {
        lines: [
          { productId: onSale, quantity: 1 },
          { productId: offSale, quantity: 1 },
        ],
        fulfillment: { type: 'pickup' },
      };
      const refused = await place(customer, body);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain(`lines[1].productId: Tiramisu (${offSale}) is off sale`);
      await sut.deliver(sut.app.get(ProductUpdatedConsumer), productUpdatedV1, { ...update, onSale: true });
      expect((await place(customer, body)).status).toBe(201);
    });

    it('reads a product event without onSale or preparationMinutes as on sale with 10 minutes', async () => {
      const productId = await sut.product(500);
      const { rows } = await sut.db.query(`SELECT on_sale, preparation_minutes FROM orders.catalog_products WHERE id = $1`, [productId]);
      expect(rows[0]).toEqual({ on_sale: true, preparation_minutes: 10 });
    });

    it('keeps a delivery address with the order', async () => {
      const productId = await sut.product(900);
      const address = { line1: '1 Quay St', city: 'Bristol', postalCode: 'BS1 4RN', country: 'GB' };
      const res = await place(await sut.token('customer'), { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'delivery', address } });
      expect(res.status).toBe(201);
      expect(res.body.fulfillment).toEqual({ type: 'delivery', address });
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the original order for the same key and body, and a 422 for another body', async () => {
      const productId = await sut.product(700);
      const customer = await sut.token('customer');
      const body = { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } };
      const first = await place(customer, body, 'key-1');
      const again = await place(customer, { fulfillment: { type: 'pickup' }, lines: [{ quantity: 1, productId }] }, 'key-1');
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const other = await place(customer, { ...body, lines: [{ productId, quantity: 2 }] }, 'key-1');
      expect(other.status).toBe(422);
      expect(other.body.message).toContain('Idempotency-Key');
    });

    it('creates one order for concurrent requests with one key', async () => {
      const productId = await sut.product(700);
      const customerId = randomUUID();
      const customer = await sut.token('customer', customerId);
      const body = { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } };
      const answers = await Promise.all(Array.from({ length: 8 }, () => place(customer, body, 'same-key')));
      expect(answers.map((res) => res.status)).toEqual(Array(8).fill(201));
      expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
      const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM orders.orders WHERE customer_id = $1`, [customerId]);
      expect(rows[0].n).toBe(1);
    });

    it('is per customer: another customer with the same key gets their own order', async () => {
      const productId = await sut.product(700);
      const body = { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } };
      const a = await place(await sut.token('customer'), body, 'shared');
      const b = await place(await sut.token('customer'), body, 'shared');
      expect(a.body.id).not.toBe(b.body.id);
    });
  });

  describe('store settings', () => {
    afterEach(async () => {
      await sut.db.query(`DELETE FROM orders.store_settings`);
    });

    const everyDay = (intervals: object[]) => Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, intervals]));

    it('is open around the clock with no capacity limit by default', async () => {
      const res = await sut.http.get('/api/admin/store').set('Authorization', `Bearer ${await sut.token('admin')}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ timeZone: 'UTC', kitchenCapacity: null, openingHours: { monday: [{ open: '00:00', close: '24:00' }] } });
    });

    it('refuses settings without opening hours with a 400 naming them (the API fuzz found it a 500)', async () => {
      const res = await sut.http
        .put('/api/admin/store')
        .set('Authorization', `Bearer ${await sut.token('admin')}`)
        .send({ timeZone: 'UTC', kitchenCapacity: null });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain('openingHours');
    });

    it('refuses orders outside opening hours with a 422 saying when, and Retry-After', async () => {
      const admin = await sut.token('admin');
      const put = await sut.http
        .put('/api/admin/store')
        .set('Authorization', `Bearer ${admin}`)
        .send({ timeZone: 'Pacific/Kiritimati', openingHours: { ...everyDay([]), monday: [{ open: '03:00', close: '03:01' }] }, kitchenCapacity: null });
      expect(put.status).toBe(200);
      const productId = await sut.product(500);
      const res = await place(await sut.token('customer'), { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } });
      // Open one minute a week: closed now unless the test runs in that minute.
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/closed; orders are taken again from monday \d{4}-\d\d-\d\d 03:00 \(Pacific\/Kiritimati\)/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('refuses orders when the kitchen is at capacity', async () => {
      const admin = await sut.token('admin');
      const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM orders.orders WHERE status IN ('PENDING','AWAITING_PAYMENT','CONFIRMED','PREPARING','READY')`);
      await sut.http
        .put('/api/admin/store')
        .set('Authorization', `Bearer ${admin}`)
        .send({ timeZone: 'UTC', openingHours: everyDay([{ open: '00:00', close: '24:00' }]), kitchenCapacity: rows[0].n + 1 });
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const body = { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } };
      expect((await place(customer, body)).status).toBe(201);
      const full = await place(customer, body);
      expect(full.status).toBe(422);
      expect(full.body.message).toContain('capacity');
    });

    it.each([
      ['a bad time zone', { timeZone: 'Mars/Base', openingHours: everyDay([]), kitchenCapacity: null }, 'timeZone'],
      ['a bad time', { timeZone: 'UTC', openingHours: everyDay([{ open: '9am', close: '17:00' }]), kitchenCapacity: null }, 'open'],
      ['a missing day', { timeZone: 'UTC', openingHours: { monday: [] }, kitchenCapacity: null }, 'tuesday'],
      ['a zero capacity', { timeZone: 'UTC', openingHours: everyDay([]), kitchenCapacity: 0 }, 'kitchenCapacity'],
    ])('refuses %s with a 400 and keeps the settings', async (_case, body, field) => {
      const admin = await sut.token('admin');
      const res = await sut.http.put('/api/admin/store').set('Authorization', `Bearer ${admin}`).send(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
      expect((await sut.http.get('/api/admin/store').set('Authorization', `Bearer ${admin}`)).body.timeZone).toBe('UTC');
    });

    it('is for staff only', async () => {
      const customer = await sut.token('customer');
      expect((await sut.http.get('/api/admin/store').set('Authorization', `Bearer ${customer}`)).status).toBe(403);
      expect((await sut.http.post('/api/admin/store/pause').set('Authorization', `Bearer ${customer}`).send({ minutes: 5 })).status).toBe(403);
      expect((await sut.http.delete('/api/admin/store/pause').set('Authorization', `Bearer ${customer}`)).status).toBe(403);
    });

    it('has the default name and an empty description, and keeps them when a PUT leaves them out', async () => {
      const admin = await sut.token('admin');
      expect((await sut.http.get('/api/admin/store').set('Authorization', `Bearer ${admin}`)).body).toMatchObject({ name: 'Galley', description: '', pausedUntil: null });
      const hours = { timeZone: 'UTC', openingHours: everyDay([{ open: '00:00', close: '24:00' }]), kitchenCapacity: null };
      const named = await sut.http
        .put('/api/admin/store')
        .set('Authorization', `Bearer ${admin}`)
        .send({ ...hours, name: '  Harbour Kitchen ', description: 'Fish and chips' });
      expect(named.status).toBe(200);
      expect(named.body).toMatchObject({ name: 'Harbour Kitchen', description: 'Fish and chips' });
      const kept = await sut.http
        .put('/api/admin/store')
        .set('Authorization', `Bearer ${admin}`)
        .send({ ...hours, kitchenCapacity: 4 });
      expect(kept.body).toMatchObject({ name: 'Harbour Kitchen', description: 'Fish and chips', kitchenCapacity: 4 });
    });

    it.each([
      ['an empty name', { name: ' ' }, 'name'],
      ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name'],
      ['a description over 500 characters', { description: 'x'.repeat(501) }, 'description'],
    ])('refuses %s with a 400', async (_case, extra, field) => {
      const admin = await sut.token('admin');
      const res = await sut.http
        .put('/api/admin/store')
        .set('Authorization', `Bearer ${admin}`)
        .send({ timeZone: 'UTC', openingHours: everyDay([]), kitchenCapacity: null, ...extra });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
    });

    it('pauses new orders with a 422 saying busy and when, with Retry-After, keeps the pause across a PUT, and resumes', async () => {
      const admin = await sut.token('admin');
      const before = Date.now();
      const paused = await sut.http.post('/api/admin/store/pause').set('Authorization', `Bearer ${admin}`).send({ minutes: 15, reason: 'Oven is down' });
      expect(paused.status).toBe(200);
      const until = new Date(paused.body.pausedUntil).getTime();
      expect(until).toBeGreaterThanOrEqual(before + 15 * 60_000);
      expect(until).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
      expect(paused.body).toMatchObject({ pauseReason: 'Oven is down', name: 'Galley' });

      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const body = { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } };
      const refused = await place(customer, body);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/busy.*orders are taken again from \w+ \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
      const store = await sut.http.get('/api/store');
      expect(store.body).toMatchObject({ openNow: true, acceptingOrders: false, pausedUntil: paused.body.pausedUntil });

      await sut.http
        .put('/api/admin/store')
        .set('Authorization', `Bearer ${admin}`)
        .send({ timeZone: 'UTC', openingHours: everyDay([{ open: '00:00', close: '24:00' }]), kitchenCapacity: null });
      expect((await sut.http.get('/api/admin/store').set('Authorization', `Bearer ${admin}`)).body.pausedUntil).toBe(paused.body.pausedUntil);

      const resumed = await sut.http.delete('/api/admin/store/pause').set('Authorization', `Bearer ${admin}`);
      expect(resumed.status).toBe(200);
      expect(resumed.body).toMatchObject({ pausedUntil: null, pauseReason: null });
      expect((await place(customer, body)).status).toBe(201);
    });

    it('lifts a pause by itself once its time has passed', async () => {
      await sut.db.query(
        `INSERT INTO orders.store_settings (id, time_zone, opening_hours, paused_until, pause_reason) VALUES (true, 'UTC', $1, now() - interval '1 second', 'over')`,
        [JSON.stringify(everyDay([{ open: '00:00', close: '24:00' }]))],
      );
      expect((await sut.http.get('/api/store')).body).toMatchObject({ acceptingOrders: true, pausedUntil: null });
      const productId = await sut.product(500);
      expect((await place(await sut.token('customer'), { lines: [{ productId, quantity: 1 }], fulfillment: { type: 'pickup' } })).status).toBe(201);
    });

    it.each([
      ['no minutes', {}],
      ['zero minutes', { minutes: 0 }],
      ['more than four hours', { minutes: 241 }],
      ['a fraction', { minutes: 1.5 }],
      ['an unknown field', { minutes: 5, until: '2030-01-01' }],
    ])('refuses a pause with %s (400)', async (_case, body) => {
      const res = await sut.http
        .post('/api/admin/store/pause')
        .set('Authorization', `Bearer ${await sut.token('admin')}`)
        .send(body);
      expect(res.status).toBe(400);
    });

    it('shows the public store without a token: name, currency, hours, open now and the next change', async () => {
      const admin = await sut.token('admin');
      // Open one minute a week in a zone without daylight saving: closed now (unless the test runs in that minute).
      await sut.http
        .put('/api/admin/store')
        .set('Authorization', `Bearer ${admin}`)
        .send({
          timeZone: 'Asia/Tokyo',
          openingHours: { ...everyDay([]), monday: [{ open: '03:00', close: '03:01' }] },
          kitchenCapacity: null,
          name: 'Night Owl',
          description: 'Rarely open',
        });
      const res = await sut.http.get('/api/store');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['acceptingOrders', 'currency', 'description', 'name', 'nextChangeAt', 'openNow', 'openingHours', 'pausedUntil', 'timeZone']);
      expect(res.body).toMatchObject({
        name: 'Night Owl',
        description: 'Rarely open',
        currency: 'USD',
        timeZone: 'Asia/Tokyo',
        openNow: false,
        acceptingOrders: false,
        pausedUntil: null,
      });
      // The next opening is a Monday 03:00 in Tokyo: Sunday 18:00 UTC.
      const next = new Date(res.body.nextChangeAt);
      expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 18, 0]);
      expect(next.getTime()).toBeGreaterThan(Date.now());
      expect(next.getTime()).toBeLessThanOrEqual(Date.now() + 7 * 24 * 3600_000);
    });

    it('shows an always-open store as open with no next change', async () => {
      expect((await sut.http.get('/api/store')).body).toMatchObject({ name: 'Galley', openNow: true, acceptingOrders: true, nextChangeAt: null, pausedUntil: null });
    });
  });

  describe('the saga', () => {
    it('records the PaymentIntent on the order and announces it once, for the live stream', async () => {
      const productId = await sut.product(700);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId);
      await reserve(orderId);
      const intent = { paymentId: randomUUID(), orderId, paymentIntentId: `pi_${orderId.slice(0, 8)}`, amount: usd(700) };
      await sut.deliver(sut.app.get(PaymentIntentCreatedConsumer), paymentIntentCreatedV1, intent);
      // Another delivery of the same fact (a new event id, so past the inbox) changes and announces nothing.
      await sut.deliver(sut.app.get(PaymentIntentCreatedConsumer), paymentIntentCreatedV1, { ...intent, paymentIntentId: 'pi_other' });

      expect((await order(orderId, customer)).paymentIntentId).toBe(intent.paymentIntentId);
      const announced = await sut.outbox(orderId, 'order.payment_intent_attached');
      expect(announced.map((row) => row.envelope.payload)).toEqual([{ orderId, customerId: expect.any(String), paymentIntentId: intent.paymentIntentId, at: expect.any(String) }]);
    });

    it('walks the happy path to COMPLETED, announcing each step, with the history in order', async () => {
      const productId = await sut.product(1200);
      const customer = await sut.token('customer');
      const admin = await sut.token('admin');
      const orderId = await placed(customer, productId, 2);
      await reserve(orderId);
      expect((await order(orderId, customer)).status).toBe('AWAITING_PAYMENT');
      const [awaiting] = await sut.outbox(orderId, 'order.awaiting_payment');
      expect(awaiting.envelope.payload).toMatchObject({ orderId, total: usd(2400) });
      await pay(orderId, 2400);
      expect((await order(orderId, customer)).status).toBe('CONFIRMED');
      for (const status of ['PREPARING', 'READY', 'COMPLETED']) {
        const res = await sut.http.post(`/api/admin/orders/${orderId}/status`).set('Authorization', `Bearer ${admin}`).send({ status });
        expect(res.status).toBe(200);
        expect(res.body.status).toBe(status);
      }
      const final = await order(orderId, customer);
      expect(final.history.map((entry: { status: string }) => entry.status)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'READY', 'COMPLETED']);
      expect(final.history[2]).toMatchObject({ reason: 'payment succeeded', actor: 'saga', causeEventType: 'payment.succeeded' });
      const types = (await sut.outbox(orderId)).map((row) => row.event_type);
      // order.eta_changed may come from other orders moving in the shared kitchen queue.
      expect(types.filter((type) => type !== 'order.status_changed' && type !== 'order.eta_changed')).toEqual([
        'order.placed',
        'order.awaiting_payment',
        'order.confirmed',
        'order.ready',
        'order.completed',
      ]);
      expect(types.filter((type) => type === 'order.status_changed')).toHaveLength(6);
      const [completed] = await sut.outbox(orderId, 'order.completed');
      expect(completed.envelope.payload).toMatchObject({ productIds: [productId] });
    });

    it('answers an illegal staff move with a 409 and changes nothing', async () => {
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId);
      const res = await sut.http
        .post(`/api/admin/orders/${orderId}/status`)
        .set('Authorization', `Bearer ${await sut.token('admin')}`)
        .send({ status: 'READY' });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('PENDING to READY');
      expect((await order(orderId, customer)).history).toHaveLength(1);
    });

    it('rejects the order when stock is short, with the short lines in the reason', async () => {
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId, 3);
      await sut.deliver(sut.app.get(StockRejectedConsumer), stockRejectedV1, { orderId, shortLines: [{ productId, requested: 3, available: 1 }] });
      const rejected = await order(orderId, customer);
      expect(rejected.status).toBe('REJECTED');
      expect(rejected.history[1].reason).toContain(`${productId} (requested 3, available 1)`);
    });

    it('cancels on a failed payment, telling inventory and payments', async () => {
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId);
      await reserve(orderId);
      await sut.deliver(sut.app.get(PaymentFailedConsumer), paymentFailedV1, { paymentId: randomUUID(), orderId, paymentIntentId: 'pi_x', reason: 'card_declined' });
      expect((await order(orderId, customer)).status).toBe('CANCELLED');
      const [cancelled] = await sut.outbox(orderId, 'order.cancelled');
      expect(cancelled.envelope.payload).toMatchObject({ refundRequired: false, cancelledBy: 'system', reason: 'payment failed: card_declined' });
    });

    it('has one effect for a redelivered payment.succeeded', async () => {
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId);
      await reserve(orderId);
      const eventId = randomUUID();
      expect(await pay(orderId, 500, eventId)).toBe(true);
      expect(await pay(orderId, 500, eventId)).toBe(false);
      // A second, different success event for the same order changes nothing either.
      await pay(orderId, 500);
      expect((await order(orderId, customer)).history).toHaveLength(3);
      expect(await sut.outbox(orderId, 'order.confirmed')).toHaveLength(1);
    });

    it('refunds a paid order the customer cancels before PREPARING, and shows the refund', async () => {
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId);
      await reserve(orderId);
      await pay(orderId, 500);
      const res = await sut.http.post(`/api/orders/${orderId}/cancel`).set('Authorization', `Bearer ${customer}`).send({});
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('CANCELLED');
      const [cancelled] = await sut.outbox(orderId, 'order.cancelled');
      expect(cancelled.envelope.payload).toMatchObject({ refundRequired: true, cancelledBy: 'customer' });
      const refund = { paymentId: randomUUID(), orderId, refundId: 're_1', amount: usd(500), totalRefunded: usd(500) };
      await sut.deliver(sut.app.get(PaymentRefundedConsumer), paymentRefundedV1, refund);
      await sut.deliver(sut.app.get(PaymentRefundedConsumer), paymentRefundedV1, refund);
      expect((await order(orderId, customer)).refunds).toEqual([{ id: 're_1', amount: usd(500), status: 'succeeded' }]);
    });

    it('does not let a customer cancel once the kitchen started', async () => {
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId);
      await reserve(orderId);
      await pay(orderId, 500);
      await sut.http
        .post(`/api/admin/orders/${orderId}/status`)
        .set('Authorization', `Bearer ${await sut.token('admin')}`)
        .send({ status: 'PREPARING' });
      const res = await sut.http.post(`/api/orders/${orderId}/cancel`).set('Authorization', `Bearer ${customer}`).send({});
      expect(res.status).toBe(409);
      expect((await order(orderId, customer)).status).toBe('PREPARING');
    });

    it('cancels on reservation expiry, then flags a late payment NEEDS_ATTENTION and asks for a refund', async () => {
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId);
      await reserve(orderId);
      await sut.deliver(sut.app.get(StockReservationExpiredConsumer), stockReservationExpiredV1, { orderId, reservationId: randomUUID() });
      expect((await order(orderId, customer)).status).toBe('CANCELLED');
      await pay(orderId, 500);
      const flagged = await order(orderId, customer);
      expect(flagged.status).toBe('NEEDS_ATTENTION');
      expect(flagged.history.at(-1).reason).toContain('paid after the order was cancelled');
      const [attention] = await sut.outbox(orderId, 'order.needs_attention');
      expect(attention.envelope.payload).toMatchObject({ previousStatus: 'CANCELLED', refundRequired: true });
      const board = await sut.http.get('/api/admin/orders?status=NEEDS_ATTENTION&limit=100').set('Authorization', `Bearer ${await sut.token('admin')}`);
      expect(board.body.items.map((item: { id: string }) => item.id)).toContain(orderId);
    });

    it('flags a disputed payment NEEDS_ATTENTION, and staff can settle it', async () => {
      const productId = await sut.product(500);
      const customer = await sut.token('customer');
      const orderId = await placed(customer, productId);
      await reserve(orderId);
      await pay(orderId, 500);
      await sut.deliver(sut.app.get(PaymentDisputedConsumer), paymentDisputedV1, {
        paymentId: randomUUID(),
        orderId,
        paymentIntentId: 'pi_1',
        disputeId: 'dp_1',
        amount: usd(500),
        reason: 'fraudulent',
      });
      expect((await order(orderId, customer)).status).toBe('NEEDS_ATTENTION');
      const settled = await sut.http
        .post(`/api/admin/orders/${orderId}/status`)
        .set('Authorization', `Bearer ${await sut.token('admin')}`)
        .send({ status: 'CANCELLED', reason: 'dispute lost' });
      expect(settled.status).toBe(200);
      expect(settled.body.history.at(-1)).toMatchObject({ status: 'CANCELLED', reason: 'dispute lost', actor: 'staff' });
    });
  });

  describe('reading orders', () => {
    it("lists a customer's own orders newest first with a cursor, and hides other customers' orders", async () => {
      const productId = await sut.product(300);
      const customer = await sut.token('customer');
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await placed(customer, productId));
      const first = await sut.http.get('/api/orders?limit=2').set('Authorization', `Bearer ${customer}`);
      expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
      const second = await sut.http.get(`/api/orders?limit=2&cursor=${first.body.nextCursor}`).set('Authorization', `Bearer ${customer}`);
      expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
      const stranger = await sut.token('customer');
      expect((await sut.http.get(`/api/orders/${ids[0]}`).set('Authorization', `Bearer ${stranger}`)).status).toBe(404);
      expect((await sut.http.post(`/api/orders/${ids[0]}/cancel`).set('Authorization', `Bearer ${stranger}`).send({})).status).toBe(404);
      expect((await sut.http.get('/api/orders?cursor=bogus').set('Authorization', `Bearer ${customer}`)).status).toBe(400);
    });

    it('needs a token', async () => {
      expect((await sut.http.get('/api/orders')).status).toBe(401);
    });
  });
});
