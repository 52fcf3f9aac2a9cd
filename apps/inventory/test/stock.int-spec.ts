import { randomUUID } from 'node:crypto';
import { orderCancelledV1, OrderCancelledV1, orderPlacedV1, OrderPlacedV1, paymentSucceededV1, PaymentSucceededV1 } from '@galley/contracts';
import { OrderCancelledConsumer } from '../src/consumers/order-cancelled.consumer';
import { OrderPlacedConsumer } from '../src/consumers/order-placed.consumer';
import { PaymentSucceededConsumer } from '../src/consumers/payment-succeeded.consumer';
import { ReservationSweeper } from '../src/services/reservation-sweeper.service';
import { InventoryTestApp } from './inventory-test-app';

describe('inventory stock (adjustments, reservations, race, expiry)', () => {
  let sut: InventoryTestApp;
  let admin: string;
  const adminId = randomUUID();

  beforeAll(async () => {
    sut = await InventoryTestApp.start();
    admin = await sut.token('admin', adminId);
  });

  afterAll(async () => {
    await sut?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  const order = (lines: { productId: string; quantity: number }[]): OrderPlacedV1 => {
    const orderId = randomUUID();
    sut.orderIds.add(orderId);
    return {
      orderId,
      customerId: randomUUID(),
      lines: lines.map((line) => ({ ...line, unitPrice: { amount: 900, currency: 'USD' } })),
      total: { amount: 900 * lines.reduce((sum, line) => sum + line.quantity, 0), currency: 'USD' },
      fulfillmentType: 'pickup',
    };
  };
  const place = (payload: OrderPlacedV1, eventId?: string) => sut.deliver(sut.app.get(OrderPlacedConsumer), orderPlacedV1, payload, { eventId, aggregateId: payload.orderId });
  const reservationOf = async (orderId: string) =>
    (await sut.db.query(`SELECT id, status FROM inventory.reservations WHERE order_id = $1`, [orderId])).rows[0] as { id: string; status: string } | undefined;

  describe('adjustments', () => {
    it('adjusts onHand, logs the movement with the acting admin, and announces stock.changed', async () => {
      const { id } = await sut.product();
      const res = await sut.http.post(`/api/admin/inventory/${id}/adjustments`).set(bearer(admin)).send({ delta: 7, reason: 'delivery' }).expect(201);
      expect(res.body).toEqual({ productId: id, onHand: 7, reserved: 0, available: 7, lowStockThreshold: 0, low: false, lowStock: false });
      await sut.http.post(`/api/admin/inventory/${id}/adjustments`).set(bearer(admin)).send({ delta: -2, reason: 'broken' }).expect(201);
      const movements = await sut.http.get(`/api/admin/inventory/${id}/movements`).set(bearer(admin)).expect(200);
      expect(movements.body.items).toMatchObject([
        { productId: id, kind: 'adjustment', delta: -2, reason: 'broken', actorId: adminId, onHandAfter: 5 },
        { productId: id, kind: 'adjustment', delta: 7, reason: 'delivery', actorId: adminId, onHandAfter: 7 },
      ]);
      expect(Date.parse(movements.body.items[0].at)).not.toBeNaN();
      expect((await sut.outbox(id, 'stock.changed')).map((e) => e.envelope.payload)).toEqual([
        { productId: id, onHand: 7, reserved: 0, available: 7 },
        { productId: id, onHand: 5, reserved: 0, available: 5 },
      ]);
      expect((await sut.http.get(`/api/products/${id}`).expect(200)).body.available).toBe(5);
    });

    it('sets the low-stock threshold that the inventory list shows', async () => {
      const { id } = await sut.product(4);
      const res = await sut.http.patch(`/api/admin/inventory/${id}`).set(bearer(admin)).send({ lowStockThreshold: 5 }).expect(200);
      expect(res.body).toMatchObject({ productId: id, available: 4, lowStockThreshold: 5, lowStock: true });
      await sut.http.patch(`/api/admin/inventory/${id}`).set(bearer(admin)).send({ lowStockThreshold: -1 }).expect(400);
      await sut.http.patch(`/api/admin/inventory/${randomUUID()}`).set(bearer(admin)).send({ lowStockThreshold: 1 }).expect(404);
      let cursor: string | null = null;
      let found: unknown;
      do {
        const page: { body: { items: { productId: string }[]; nextCursor: string | null } } = await sut.http
          .get('/api/admin/inventory')
          .query({ limit: 100, ...(cursor ? { cursor } : {}) })
          .set(bearer(admin))
          .expect(200);
        found ??= page.body.items.find((item: { productId: string }) => item.productId === id);
        cursor = page.body.nextCursor;
      } while (cursor && !found);
      expect(found).toEqual({ productId: id, onHand: 4, reserved: 0, available: 4, lowStockThreshold: 5, low: true, lowStock: true });
    });

    it('sets and clears the threshold with PUT …/threshold, and refuses anything but an integer >= 0 or null', async () => {
      const { id } = await sut.product(4);
      const put = (body: object) => sut.http.put(`/api/admin/inventory/${id}/threshold`).set(bearer(admin)).send(body);
      expect((await put({ lowStockThreshold: 4 }).expect(200)).body).toMatchObject({ productId: id, available: 4, lowStockThreshold: 4, low: true });
      expect((await put({ lowStockThreshold: 3 }).expect(200)).body).toMatchObject({ lowStockThreshold: 3, low: false });
      const cleared = await put({ lowStockThreshold: null }).expect(200);
      expect(cleared.body).toMatchObject({ lowStockThreshold: null, low: false, lowStock: false });
      await sut.http.post(`/api/admin/inventory/${id}/adjustments`).set(bearer(admin)).send({ delta: -4, reason: 'count' }).expect(201);
      // Sold out, but without a threshold it is not flagged.
      expect((await sut.http.get(`/api/admin/inventory/${id}`).set(bearer(admin)).expect(200)).body).toMatchObject({ available: 0, lowStockThreshold: null, low: false });
      for (const body of [{}, { lowStockThreshold: -1 }, { lowStockThreshold: 1.5 }, { lowStockThreshold: '3' }, { lowStockThreshold: 3, extra: true }]) {
        const res = await put(body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: expect.any(String), message: expect.anything() });
      }
      await sut.http.put(`/api/admin/inventory/${randomUUID()}/threshold`).set(bearer(admin)).send({ lowStockThreshold: 1 }).expect(404);
      await sut.http.put(`/api/admin/inventory/not-a-uuid/threshold`).set(bearer(admin)).send({ lowStockThreshold: 1 }).expect(400);
    });

    it('lists the movement log newest first with a cursor, and refuses a bad cursor', async () => {
      const { id } = await sut.product();
      for (const delta of [5, -1, 2])
        await sut.http
          .post(`/api/admin/inventory/${id}/adjustments`)
          .set(bearer(admin))
          .send({ delta, reason: `count ${delta}` })
          .expect(201);
      const first = await sut.http.get(`/api/admin/inventory/${id}/movements`).query({ limit: 2 }).set(bearer(admin)).expect(200);
      expect(first.body.items.map((item: { delta: number; onHandAfter: number }) => [item.delta, item.onHandAfter])).toEqual([
        [2, 6],
        [-1, 4],
      ]);
      const second = await sut.http.get(`/api/admin/inventory/${id}/movements`).query({ limit: 2, cursor: first.body.nextCursor }).set(bearer(admin)).expect(200);
      expect(second.body.items.map((item: { delta: number; reason: string }) => [item.delta, item.reason])).toEqual([[5, 'count 5']]);
      expect(second.body.nextCursor).toBeNull();
      await sut.http.get(`/api/admin/inventory/${id}/movements`).query({ cursor: 'abc' }).set(bearer(admin)).expect(400);
    });

    it('answers 409 when onHand would go negative, and changes nothing', async () => {
      const { id } = await sut.product(3);
      const res = await sut.http.post(`/api/admin/inventory/${id}/adjustments`).set(bearer(admin)).send({ delta: -4, reason: 'count' }).expect(409);
      expect(res.body.message).toMatch(/onHand/);
      expect(await sut.level(id)).toEqual({ on_hand: 3, reserved: 0 });
      expect((await sut.http.get(`/api/admin/inventory/${id}/movements`).set(bearer(admin)).expect(200)).body.items).toHaveLength(1);
    });

    it('answers 409 when onHand would go below the reserved units', async () => {
      const { id } = await sut.product(5);
      await place(order([{ productId: id, quantity: 4 }]));
      await sut.http.post(`/api/admin/inventory/${id}/adjustments`).set(bearer(admin)).send({ delta: -2, reason: 'count' }).expect(409);
      expect(await sut.level(id)).toEqual({ on_hand: 5, reserved: 4 });
    });

    it.each<[Record<string, unknown>, RegExp]>([
      [{ delta: 0, reason: 'x' }, /delta/],
      [{ delta: 1.5, reason: 'x' }, /delta/],
      [{ delta: '3', reason: 'x' }, /delta/],
      [{ delta: 1 }, /reason/],
      [{ delta: 1, reason: '  ' }, /reason/],
    ])('answers 400 naming the field to %j and changes nothing', async (body, field) => {
      const { id } = await sut.product(2);
      const res = await sut.http.post(`/api/admin/inventory/${id}/adjustments`).set(bearer(admin)).send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(field);
      expect(await sut.level(id)).toEqual({ on_hand: 2, reserved: 0 });
    });

    it.each([{ cursor: 'nonsense' }, { limit: '0' }])('answers 400 to the inventory list query %j', async (query) => {
      await sut.http.get('/api/admin/inventory').query(query).set(bearer(admin)).expect(400);
    });

    it('answers 400 to a movements cursor it did not make', async () => {
      const { id } = await sut.product();
      await sut.http.get(`/api/admin/inventory/${id}/movements`).query({ cursor: 'x' }).set(bearer(admin)).expect(400);
    });

    it('answers 404 for an unknown product and 403 for a customer', async () => {
      await sut.http.post(`/api/admin/inventory/${randomUUID()}/adjustments`).set(bearer(admin)).send({ delta: 1, reason: 'x' }).expect(404);
      await sut.http.get(`/api/admin/inventory/${randomUUID()}`).set(bearer(admin)).expect(404);
      await sut.http
        .get('/api/admin/inventory')
        .set(bearer(await sut.token('customer')))
        .expect(403);
    });

    it('keeps onHand from going negative even against a direct update (database constraint)', async () => {
      const { id } = await sut.product(1);
      await expect(sut.db.query(`UPDATE inventory.stock_levels SET on_hand = -1, reserved = 0 WHERE product_id = $1`, [id])).rejects.toThrow(/check/);
      await expect(sut.db.query(`UPDATE inventory.stock_levels SET reserved = 2 WHERE product_id = $1`, [id])).rejects.toThrow(/check/);
    });
  });

  describe('reservations', () => {
    it('reserves exactly the 5 units of 50 concurrent orders and rejects the other 45', async () => {
      const { id } = await sut.product(5);
      const orders = Array.from({ length: 50 }, () => order([{ productId: id, quantity: 1 }]));
      await Promise.all(orders.map((payload) => place(payload)));
      const statuses = await Promise.all(orders.map(async (payload) => (await reservationOf(payload.orderId))?.status));
      expect(statuses.filter((status) => status === 'held')).toHaveLength(5);
      expect(statuses.filter((status) => status === 'rejected')).toHaveLength(45);
      expect(await sut.level(id)).toEqual({ on_hand: 5, reserved: 5 });
      const reserved = await sut.db.query(`SELECT count(*)::int AS n FROM inventory.outbox WHERE event_type = 'stock.reserved' AND message_key = ANY($1)`, [
        orders.map((o) => o.orderId),
      ]);
      const rejected = await sut.db.query(`SELECT count(*)::int AS n FROM inventory.outbox WHERE event_type = 'stock.rejected' AND message_key = ANY($1)`, [
        orders.map((o) => o.orderId),
      ]);
      expect([reserved.rows[0].n, rejected.rows[0].n]).toEqual([5, 45]);
      expect((await sut.http.get(`/api/products/${id}`).expect(200)).body.available).toBe(0);
    });

    it('never deadlocks when concurrent orders name the same products in opposite orders', async () => {
      const a = await sut.product(100);
      const b = await sut.product(100);
      const orders = Array.from({ length: 40 }, (_, i) =>
        order(
          i % 2 === 0
            ? [
                { productId: a.id, quantity: 1 },
                { productId: b.id, quantity: 1 },
              ]
            : [
                { productId: b.id, quantity: 1 },
                { productId: a.id, quantity: 1 },
              ],
        ),
      );
      await Promise.all(orders.map((payload) => place(payload)));
      expect(await sut.level(a.id)).toEqual({ on_hand: 100, reserved: 40 });
      expect(await sut.level(b.id)).toEqual({ on_hand: 100, reserved: 40 });
    });

    it('reserves nothing for a multi-line order short on one line, and says which line is short', async () => {
      const plenty = await sut.product(10);
      const scarce = await sut.product(1);
      const payload = order([
        { productId: plenty.id, quantity: 2 },
        { productId: scarce.id, quantity: 2 },
      ]);
      await place(payload);
      expect(await sut.level(plenty.id)).toEqual({ on_hand: 10, reserved: 0 });
      expect(await sut.level(scarce.id)).toEqual({ on_hand: 1, reserved: 0 });
      const events = await sut.outbox(payload.orderId);
      expect(events.map((e) => e.event_type)).toEqual(['stock.rejected']);
      expect(events[0].envelope.payload).toEqual({ orderId: payload.orderId, shortLines: [{ productId: scarce.id, requested: 2, available: 1 }] });
    });

    it('rejects a line of an unknown or archived product as short with 0 available', async () => {
      const archived = await sut.product(5);
      await sut.http.delete(`/api/admin/products/${archived.id}`).set(bearer(admin)).expect(204);
      const unknown = randomUUID();
      const payload = order([
        { productId: archived.id, quantity: 1 },
        { productId: unknown, quantity: 1 },
      ]);
      await place(payload);
      const [event] = await sut.outbox(payload.orderId, 'stock.rejected');
      expect(event.envelope.payload.shortLines).toEqual(
        expect.arrayContaining([
          { productId: archived.id, requested: 1, available: 0 },
          { productId: unknown, requested: 1, available: 0 },
        ]),
      );
      expect(await sut.level(archived.id)).toEqual({ on_hand: 5, reserved: 0 });
    });

    it('rejects a line of an off-sale product as short with 0 available, whatever its stock', async () => {
      const offSale = await sut.product(5, { onSale: false });
      const payload = order([{ productId: offSale.id, quantity: 1 }]);
      await place(payload);
      const [event] = await sut.outbox(payload.orderId, 'stock.rejected');
      expect(event.envelope.payload.shortLines).toEqual([{ productId: offSale.id, requested: 1, available: 0 }]);
      expect(await sut.level(offSale.id)).toEqual({ on_hand: 5, reserved: 0 });
    });

    it('reserves once when order.placed is redelivered (same event id)', async () => {
      const { id } = await sut.product(10);
      const payload = order([{ productId: id, quantity: 3 }]);
      const eventId = randomUUID();
      expect(await place(payload, eventId)).toBe(true);
      expect(await place(payload, eventId)).toBe(false);
      // Even a second event for the same order (another id) reserves nothing more.
      await place(payload);
      expect(await sut.level(id)).toEqual({ on_hand: 10, reserved: 3 });
      const events = await sut.outbox(payload.orderId, 'stock.reserved');
      expect(events).toHaveLength(1);
      expect(events[0].envelope.payload).toMatchObject({ orderId: payload.orderId, lines: [{ productId: id, quantity: 3 }] });
      const expiresIn = Date.parse(events[0].envelope.payload.expiresAt as string) - Date.now();
      expect(expiresIn).toBeGreaterThan(890_000);
      expect(expiresIn).toBeLessThanOrEqual(900_000);
    });

    it('turns a paid reservation into a sale once, and a later cancellation returns the units on hand once', async () => {
      const { id } = await sut.product(10);
      const payload = order([{ productId: id, quantity: 4 }]);
      await place(payload);
      const paid: PaymentSucceededV1 = { paymentId: randomUUID(), orderId: payload.orderId, paymentIntentId: 'pi_test', amount: payload.total };
      const paymentHandler = sut.app.get(PaymentSucceededConsumer);
      await sut.deliver(paymentHandler, paymentSucceededV1, paid, { aggregateId: payload.orderId });
      await sut.deliver(paymentHandler, paymentSucceededV1, paid, { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 6, reserved: 0 });
      expect((await reservationOf(payload.orderId))?.status).toBe('committed');
      expect(await sut.outbox(payload.orderId, 'stock.committed')).toHaveLength(1);
      const movements = await sut.http.get(`/api/admin/inventory/${id}/movements`).set(bearer(admin)).expect(200);
      expect(movements.body.items[0]).toMatchObject({ kind: 'sale', delta: -4, orderId: payload.orderId, onHandAfter: 6 });
      const cancellation = { ...cancelled(payload), reason: 'customer cancelled after paying', refundRequired: true };
      const cancelHandler = sut.app.get(OrderCancelledConsumer);
      const cancelEventId = randomUUID();
      expect(await sut.deliver(cancelHandler, orderCancelledV1, cancellation, { aggregateId: payload.orderId, eventId: cancelEventId })).toBe(true);
      // The same event redelivered, and a second cancellation event for the order: no second return.
      expect(await sut.deliver(cancelHandler, orderCancelledV1, cancellation, { aggregateId: payload.orderId, eventId: cancelEventId })).toBe(false);
      await sut.deliver(cancelHandler, orderCancelledV1, cancellation, { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 10, reserved: 0 });
      expect((await reservationOf(payload.orderId))?.status).toBe('returned');
      const after = await sut.http.get(`/api/admin/inventory/${id}/movements`).set(bearer(admin)).expect(200);
      expect(after.body.items.filter((m: { kind: string }) => m.kind === 'return')).toEqual([
        expect.objectContaining({ kind: 'return', delta: 4, reason: 'order cancelled', orderId: payload.orderId, onHandAfter: 10 }),
      ]);
      expect((await sut.outbox(payload.orderId, 'stock.released')).map((e) => e.envelope.payload)).toEqual([
        expect.objectContaining({ orderId: payload.orderId, lines: [{ productId: id, quantity: 4 }], reason: 'customer cancelled after paying' }),
      ]);
      // stock.changed: stocked 10, reserved (available 6), sold (6 on hand), returned (10 on hand).
      expect((await sut.outbox(id, 'stock.changed')).map((e) => [e.envelope.payload.onHand, e.envelope.payload.available])).toEqual([
        [10, 10],
        [10, 6],
        [6, 6],
        [10, 10],
      ]);
    });

    it('returns sold units on cancellation without refundRequired too', async () => {
      const { id } = await sut.product(5);
      const payload = order([{ productId: id, quantity: 2 }]);
      await place(payload);
      const paid: PaymentSucceededV1 = { paymentId: randomUUID(), orderId: payload.orderId, paymentIntentId: 'pi_test2', amount: payload.total };
      await sut.deliver(sut.app.get(PaymentSucceededConsumer), paymentSucceededV1, paid, { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 3, reserved: 0 });
      await sut.deliver(sut.app.get(OrderCancelledConsumer), orderCancelledV1, cancelled(payload), { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 5, reserved: 0 });
    });

    it('sells nothing for a payment that lands after the reservation was released by a cancellation', async () => {
      const { id } = await sut.product(5);
      const payload = order([{ productId: id, quantity: 2 }]);
      await place(payload);
      await sut.deliver(sut.app.get(OrderCancelledConsumer), orderCancelledV1, cancelled(payload), { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 5, reserved: 0 });
      const paid: PaymentSucceededV1 = { paymentId: randomUUID(), orderId: payload.orderId, paymentIntentId: 'pi_late', amount: payload.total };
      await sut.deliver(sut.app.get(PaymentSucceededConsumer), paymentSucceededV1, paid, { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 5, reserved: 0 });
      expect((await reservationOf(payload.orderId))?.status).toBe('released');
      expect(await sut.outbox(payload.orderId, 'stock.committed')).toHaveLength(0);
      // Nor does a later cancellation return anything that was never sold.
      await sut.deliver(sut.app.get(OrderCancelledConsumer), orderCancelledV1, cancelled(payload), { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 5, reserved: 0 });
    });

    const cancelled = (payload: OrderPlacedV1): OrderCancelledV1 => ({
      orderId: payload.orderId,
      customerId: payload.customerId,
      reason: 'customer changed their mind',
      refundRequired: false,
      cancelledBy: 'customer',
    });

    it('releases a cancelled order once, announcing stock.released and stock.changed', async () => {
      const { id } = await sut.product(10);
      const payload = order([{ productId: id, quantity: 2 }]);
      await place(payload);
      const handler = sut.app.get(OrderCancelledConsumer);
      await sut.deliver(handler, orderCancelledV1, cancelled(payload), { aggregateId: payload.orderId });
      await sut.deliver(handler, orderCancelledV1, cancelled(payload), { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 10, reserved: 0 });
      const released = await sut.outbox(payload.orderId, 'stock.released');
      expect(released.map((e) => e.envelope.payload)).toEqual([
        expect.objectContaining({ orderId: payload.orderId, lines: [{ productId: id, quantity: 2 }], reason: 'customer changed their mind' }),
      ]);
      expect((await sut.outbox(id, 'stock.changed')).map((e) => e.envelope.payload.available)).toEqual([10, 8, 10]);
    });

    it('releases an expired reservation in the sweeper, once, announcing stock.reservation_expired', async () => {
      const { id } = await sut.product(3);
      const payload = order([{ productId: id, quantity: 3 }]);
      await place(payload);
      await sut.db.query(`UPDATE inventory.reservations SET expires_at = now() - interval '1 second' WHERE order_id = $1`, [payload.orderId]);
      const sweeper = sut.app.get(ReservationSweeper);
      await sweeper.sweep();
      await sweeper.sweep();
      expect(await sut.level(id)).toEqual({ on_hand: 3, reserved: 0 });
      expect((await reservationOf(payload.orderId))?.status).toBe('expired');
      const expired = await sut.outbox(payload.orderId, 'stock.reservation_expired');
      expect(expired.map((e) => e.envelope.payload)).toEqual([{ orderId: payload.orderId, reservationId: (await reservationOf(payload.orderId))?.id }]);
      // A payment that lands after the expiry sells nothing.
      const paid: PaymentSucceededV1 = { paymentId: randomUUID(), orderId: payload.orderId, paymentIntentId: 'pi_late', amount: payload.total };
      await sut.deliver(sut.app.get(PaymentSucceededConsumer), paymentSucceededV1, paid, { aggregateId: payload.orderId });
      expect(await sut.level(id)).toEqual({ on_hand: 3, reserved: 0 });
    });
  });
});
