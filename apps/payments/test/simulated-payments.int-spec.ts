import { randomUUID } from 'node:crypto';
import { orderAwaitingPaymentV1, orderPlacedV1 } from '@galley/contracts';
import { waitFor } from '@galley/testing';
import { PaymentsTestApp } from './payments-test-app';

/** Without Stripe keys: local intents, the development simulation endpoint and local refunds. */
describe('payments with the simulated provider', () => {
  let sut: PaymentsTestApp;
  let admin: string;

  beforeAll(async () => {
    sut = await PaymentsTestApp.start();
    admin = await sut.token('admin');
  });

  afterAll(async () => {
    await sut?.close();
  });

  const simulate = (token: string, body: Record<string, unknown>) => sut.http.post('/api/payments/dev/simulate').set('Authorization', `Bearer ${token}`).send(body);

  it('tells anyone, without a token, that payments are simulated and there is no publishable key', async () => {
    const res = await sut.http.get('/api/payments/config').expect(200);
    expect(res.body).toEqual({ provider: 'simulated', publishableKey: null });
  });

  it('creates a local intent the owner can read', async () => {
    const order = await sut.orderAwaitingPayment(1500);
    expect(order.intentId).toMatch(/^pi_sim_[0-9a-f]{24}$/);
    const res = await sut.http
      .get(`/api/orders/${order.orderId}/payment`)
      .set('Authorization', `Bearer ${await sut.token('customer', order.customerId)}`)
      .expect(200);
    expect(res.body).toMatchObject({ paymentIntentId: order.intentId, status: 'requires_payment', amount: { amount: 1500, currency: 'USD' } });
    expect(res.body.clientSecret).toMatch(new RegExp(`^${order.intentId}_secret_[0-9a-f]{24}$`));
  });

  it("lets the order's owner or an admin simulate a payment through the signed webhook path, and nobody else", async () => {
    const paid = await sut.orderAwaitingPayment(2100);
    const owner = await sut.token('customer', paid.customerId);

    await simulate(await sut.token('customer'), { orderId: paid.orderId, outcome: 'succeeded' }).expect(404);
    await simulate(owner, { orderId: paid.orderId, outcome: 'maybe' }).expect(400);
    await simulate(owner, { orderId: 'not-a-uuid', outcome: 'succeeded' }).expect(400);
    await sut.http.post('/api/payments/dev/simulate').send({ orderId: paid.orderId, outcome: 'succeeded' }).expect(401);
    const res = await simulate(owner, { orderId: paid.orderId, outcome: 'succeeded' }).expect(202);
    sut.webhookEventIds.add(res.body.eventId);
    expect(res.body).toEqual({ eventId: expect.stringMatching(/^evt_sim_/), outcome: 'applied' });
    const [succeeded] = await sut.events(paid.orderId, 'payment.succeeded');
    expect(succeeded.payload).toEqual({ paymentId: paid.paymentId, orderId: paid.orderId, paymentIntentId: paid.intentId, amount: { amount: 2100, currency: 'USD' } });
    // Recorded like any webhook event (the same path), with its id.
    const { rows } = await sut.db.query(`SELECT event_type, outcome FROM payments.webhook_events WHERE event_id = $1`, [res.body.eventId]);
    expect(rows).toEqual([{ event_type: 'payment_intent.succeeded', outcome: 'applied' }]);

    const declined = await sut.orderAwaitingPayment(800);
    const byAdmin = await simulate(admin, { orderId: declined.orderId, outcome: 'failed' }).expect(202);
    sut.webhookEventIds.add(byAdmin.body.eventId);
    const [failed] = await sut.events(declined.orderId, 'payment.failed');
    expect(failed.payload).toMatchObject({ orderId: declined.orderId, reason: 'generic_decline' });
    // A failure after the success changes nothing.
    const late = await simulate(owner, { orderId: paid.orderId, outcome: 'failed' }).expect(202);
    sut.webhookEventIds.add(late.body.eventId);
    expect(late.body.outcome).toBe('no change: payment is succeeded');
  });

  it('answers 409 before the intent exists and 404 for an unknown order', async () => {
    const orderId = randomUUID();
    const customerId = randomUUID();
    const total = { amount: 700, currency: 'USD' };
    await sut.publish(orderPlacedV1, { orderId, customerId, lines: [{ productId: randomUUID(), quantity: 1, unitPrice: total }], total, fulfillmentType: 'delivery' });
    await waitFor(async () => (await sut.db.query(`SELECT 1 FROM payments.orders WHERE order_id = $1`, [orderId])).rows.length === 1, { what: 'the order read-model' });
    await simulate(await sut.token('customer', customerId), { orderId, outcome: 'succeeded' }).expect(409);
    await sut.http
      .get(`/api/orders/${orderId}/payment`)
      .set('Authorization', `Bearer ${await sut.token('customer', customerId)}`)
      .expect(404);
    await simulate(admin, { orderId: randomUUID(), outcome: 'succeeded' }).expect(404);
  });

  it('refunds locally and announces it as a webhook would', async () => {
    const order = await sut.orderAwaitingPayment(1200);
    const paid = await simulate(admin, { orderId: order.orderId, outcome: 'succeeded' }).expect(202);
    sut.webhookEventIds.add(paid.body.eventId);
    const res = await sut.http.post(`/api/admin/orders/${order.orderId}/refund`).set('Authorization', `Bearer ${admin}`).send({ amount: 200, reason: 'missing sauce' }).expect(201);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^re_sim_/), amount: { amount: 200, currency: 'USD' }, status: 'succeeded' });
    const [refunded] = await sut.events(order.orderId, 'payment.refunded');
    expect(refunded.payload).toMatchObject({
      refundId: res.body.id,
      amount: { amount: 200, currency: 'USD' },
      totalRefunded: { amount: 200, currency: 'USD' },
      reason: 'missing sauce',
    });
    expect(await sut.reconcile()).toEqual([]);
  });

  it('refunds chosen lines for the amount of their own priced lines, never more than ordered or left refundable', async () => {
    const orderId = randomUUID();
    const customerId = randomUUID();
    sut.orderIds.add(orderId);
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    // Line 1: 2 × 1,400 (a pizza with a large size); line 2: 3 × 250 sodas.
    await sut.publish(orderPlacedV1, {
      orderId,
      customerId,
      lines: [
        { productId: randomUUID(), quantity: 2, unitPrice: usd(1400), modifierOptionIds: [randomUUID()] },
        { productId: randomUUID(), quantity: 3, unitPrice: usd(250) },
      ],
      total: usd(3550),
      fulfillmentType: 'pickup',
    });
    await sut.publish(orderAwaitingPaymentV1, {
      orderId,
      customerId,
      reservationId: randomUUID(),
      total: usd(3550),
      reservationExpiresAt: new Date(Date.now() + 900_000).toISOString(),
    });
    await sut.events(orderId, 'payment.intent_created');
    sut.webhookEventIds.add((await simulate(admin, { orderId, outcome: 'succeeded' }).expect(202)).body.eventId);
    await waitFor(async () => (await sut.payment(orderId))?.status === 'succeeded', { what: 'the captured payment' });
    const refund = (body: object) => sut.http.post(`/api/admin/orders/${orderId}/refund`).set('Authorization', `Bearer ${admin}`).send(body);

    expect((await refund({ lines: [{ lineId: 1, quantity: 1 }], reason: 'burnt pizza' }).expect(201)).body).toMatchObject({ amount: usd(1400), status: 'succeeded' });
    const tooMany = await refund({ lines: [{ lineId: 1, quantity: 2 }], reason: 'again' }).expect(409);
    expect(tooMany.body.message).toBe('line 1: 2 to refund but only 1 of 2 left to refund');
    for (const [body, message] of [
      [{ amount: 100, lines: [{ lineId: 2, quantity: 1 }], reason: 'both' }, 'give either amount or lines, not both'],
      [{ lines: [{ lineId: 3, quantity: 1 }], reason: 'no such line' }, 'the order has no line 3'],
      [{ lines: [{ lineId: 2, quantity: 0 }], reason: 'zero' }, 'quantity'],
      [{ lines: [], reason: 'none' }, 'lines'],
      [{ lines: [{ lineId: 2, quantity: 1, price: 1 }], reason: 'extra field' }, 'price'],
    ] as const) {
      const res = await refund(body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(message);
    }
    // An amount refund, then the sodas: 3,550 − 1,400 − 1,000 leaves 1,150, enough for 3 × 250.
    await refund({ amount: 1000, reason: 'late' }).expect(201);
    expect((await refund({ lines: [{ lineId: 2, quantity: 3 }], reason: 'flat sodas' }).expect(201)).body.amount).toEqual(usd(750));
    // The last pizza is worth 1,400 but only 400 is left: the refund stops at what is refundable.
    expect((await refund({ lines: [{ lineId: 1, quantity: 1 }], reason: 'cold' }).expect(201)).body.amount).toEqual(usd(400));
    await refund({ lines: [{ lineId: 2, quantity: 1 }], reason: 'nothing left' }).expect(409);
    const [, , , last] = await sut.events(orderId, 'payment.refunded', 4);
    expect(last.payload).toMatchObject({ totalRefunded: usd(3550) });
    expect(await sut.reconcile()).toEqual([]);
  });

  it('has no simulation in production', async () => {
    // A second app joins the same consumer group, so the order and its intent are written directly
    // rather than waiting for a rebalance to hand it order events.
    const production = await PaymentsTestApp.start({ NODE_ENV: 'production', STRIPE_WEBHOOK_SECRET: 'whsec_production_test' });
    try {
      const orderId = randomUUID();
      const customerId = randomUUID();
      production.orderIds.add(orderId);
      await production.db.query(`INSERT INTO payments.orders (order_id, customer_id, total_amount, currency, status) VALUES ($1, $2, 900, 'USD', 'AWAITING_PAYMENT')`, [
        orderId,
        customerId,
      ]);
      await production.db.query(
        `INSERT INTO payments.payments (id, order_id, customer_id, provider, intent_id, client_secret, amount, currency, status)
         VALUES ($1, $2, $3, 'simulated', $4, $4 || '_secret_x', 900, 'USD', 'requires_payment')`,
        [randomUUID(), orderId, customerId, `pi_sim_${randomUUID().replace(/-/g, '').slice(0, 24)}`],
      );
      const owner = await production.token('customer', customerId);
      const res = await production.http.post('/api/payments/dev/simulate').set('Authorization', `Bearer ${owner}`).send({ orderId, outcome: 'succeeded' }).expect(404);
      expect(res.body.message).toBe('Cannot POST /api/payments/dev/simulate');
      await production.http
        .post('/api/payments/dev/simulate')
        .set('Authorization', `Bearer ${await production.token('admin')}`)
        .send({ orderId, outcome: 'succeeded' })
        .expect(404);
      expect((await production.payment(orderId))?.status).toBe('requires_payment');
    } finally {
      await production.close();
    }
  });
});
