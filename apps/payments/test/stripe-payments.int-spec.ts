import { randomUUID } from 'node:crypto';
import { orderAwaitingPaymentV1, orderCancelledV1, orderNeedsAttentionV1 } from '@galley/contracts';
import { StripeStandIn, waitFor } from '@galley/testing';
import { PaymentsTestApp } from './payments-test-app';

/**
 * The payments service with the official Stripe SDK pointed at the local stand-in, driven by
 * order events on the real broker and by signed webhooks, read back from payments.events.
 */
describe('payments with Stripe (SDK against the stand-in)', () => {
  let stripe: StripeStandIn;
  let sut: PaymentsTestApp;
  let admin: string;

  beforeAll(async () => {
    stripe = await StripeStandIn.start();
    // No SDK retries: the tests count the calls the service makes.
    sut = await PaymentsTestApp.start({ ...stripe.env, STRIPE_MAX_NETWORK_RETRIES: '0', STRIPE_WEBHOOK_SECRET: 'whsec_payments_test', STRIPE_PUBLISHABLE_KEY: 'pk_test_galley' });
    admin = await sut.token('admin');
  });

  afterAll(async () => {
    await sut?.close();
    await stripe?.close();
  });

  /** An order whose payment succeeded through a signed webhook. */
  async function paidOrder(amount = 2450) {
    const order = await sut.orderAwaitingPayment(amount);
    expect((await sut.deliver(stripe, stripe.succeed(order.intentId))).status).toBe(200);
    await sut.events(order.orderId, 'payment.succeeded');
    return order;
  }

  const refund = (orderId: string, body: Record<string, unknown>, key?: string) => {
    const req = sut.http.post(`/api/admin/orders/${orderId}/refund`).set('Authorization', `Bearer ${admin}`);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it('tells the storefront, without a token, that Stripe takes payments and with which publishable key', async () => {
    const res = await sut.http.get('/api/payments/config').expect(200);
    expect(res.body).toEqual({ provider: 'stripe', publishableKey: 'pk_test_galley' });
  });

  it('creates one PaymentIntent per order, even when order.awaiting_payment comes again', async () => {
    const order = await sut.orderAwaitingPayment(2450);
    const [intent] = stripe.intentsFor(order.orderId);
    expect(intent).toMatchObject({ id: order.intentId, amount: 2450, currency: 'usd', metadata: { orderId: order.orderId } });

    // The same event redelivered, and the same fact under a new event id (the order side retried).
    const payload = {
      orderId: order.orderId,
      customerId: order.customerId,
      reservationId: randomUUID(),
      total: { amount: 2450, currency: 'USD' },
      reservationExpiresAt: new Date().toISOString(),
    };
    const eventId = await sut.publish(orderAwaitingPaymentV1, payload);
    await sut.publish(orderAwaitingPaymentV1, payload, eventId);
    await waitFor(async () => {
      const { rows } = await sut.db.query(`SELECT count(*)::int AS n FROM payments.inbox WHERE event_id = $1`, [eventId]);
      return rows[0].n === 1;
    });
    await sut.settled([order.orderId]);

    const creates = stripe.requests.filter((r) => r.operation === 'create_intent' && r.params.metadata && (r.params.metadata as Record<string, string>).orderId === order.orderId);
    expect(creates.map((r) => r.idempotencyKey)).toEqual([`galley-order-${order.orderId}`]);
    expect(stripe.intentsFor(order.orderId)).toHaveLength(1);
    expect(sut.eventsOf(order.orderId, 'payment.intent_created')).toHaveLength(1);

    const owner = await sut.token('customer', order.customerId);
    const res = await sut.http.get(`/api/orders/${order.orderId}/payment`).set('Authorization', `Bearer ${owner}`).expect(200);
    expect(res.body).toEqual({
      paymentIntentId: intent.id,
      clientSecret: intent.client_secret,
      status: 'requires_payment',
      amount: { amount: 2450, currency: 'USD' },
      refunds: [],
      // Nothing is refundable before the payment is captured.
      lines: [{ lineId: 1, quantity: 1, refundedQuantity: 0, refundableQuantity: 0 }],
    });
    await sut.http
      .get(`/api/orders/${order.orderId}/payment`)
      .set('Authorization', `Bearer ${await sut.token('customer')}`)
      .expect(404);
    await sut.http.get(`/api/orders/${randomUUID()}/payment`).set('Authorization', `Bearer ${owner}`).expect(404);
    await sut.http.get(`/api/orders/${order.orderId}/payment`).expect(401);
  });

  it('announces a verified success once: duplicates and a late failure change nothing, bad signatures are refused', async () => {
    const order = await sut.orderAwaitingPayment(1800);
    const succeeded = stripe.succeed(order.intentId);

    // Refused before anything is recorded: no signature, a wrong secret, a tampered body.
    expect((await sut.deliver(stripe, succeeded, { signature: null })).status).toBe(400);
    const forged = await stripe.deliver(succeeded, sut.webhookUrl, 'whsec_someone_else');
    expect(forged).toMatchObject({ status: 400, body: { statusCode: 400, message: 'Stripe-Signature does not match the body' } });
    // Signed with the right secret but dated an hour ahead: the SDK alone would accept it.
    const ahead = await sut.deliver(stripe, succeeded, { timestamp: Math.floor(Date.now() / 1000) + 3600 });
    expect(ahead).toMatchObject({ status: 400, body: { message: 'Stripe-Signature is dated in the future' } });
    const tampered = JSON.stringify({ ...succeeded, data: { object: { ...succeeded.data.object, amount_received: 1 } } });
    expect((await sut.deliver(stripe, succeeded, { body: tampered, signature: undefined })).status).toBe(400);
    const { rows: none } = await sut.db.query(`SELECT 1 FROM payments.webhook_events WHERE event_id = $1`, [succeeded.id]);
    expect(none).toHaveLength(0);
    expect((await sut.payment(order.orderId))?.status).toBe('requires_payment');

    expect(await sut.deliver(stripe, succeeded)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(await sut.deliver(stripe, succeeded)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    // The card failed on a first attempt, and Stripe delivered that event last.
    const lateFailure = stripe.fail(order.intentId);
    expect((await sut.deliver(stripe, lateFailure)).status).toBe(200);
    // An event type Galley does not handle is recorded and acknowledged.
    const other = { ...stripe.fail(order.intentId), id: `evt_${randomUUID()}`, type: 'customer.created' };
    expect((await sut.deliver(stripe, other)).status).toBe(200);
    await sut.settled([order.orderId]);

    const [success] = await sut.events(order.orderId, 'payment.succeeded');
    expect(success.payload).toEqual({ paymentId: order.paymentId, orderId: order.orderId, paymentIntentId: order.intentId, amount: { amount: 1800, currency: 'USD' } });
    expect(sut.eventsOf(order.orderId, 'payment.succeeded')).toHaveLength(1);
    expect(sut.eventsOf(order.orderId, 'payment.failed')).toHaveLength(0);
    expect(await sut.payment(order.orderId)).toEqual({ status: 'succeeded', captured_amount: '1800' });
    const { rows } = await sut.db.query(`SELECT event_id, outcome FROM payments.webhook_events WHERE event_id = ANY($1) ORDER BY received_at`, [
      [succeeded.id, lateFailure.id, other.id],
    ]);
    expect(rows.map((row: { outcome: string }) => row.outcome)).toEqual(['applied', 'no change: payment is succeeded', 'ignored: event type customer.created is not handled']);
  });

  it('has no payment simulation with the Stripe provider, whatever NODE_ENV says', async () => {
    const order = await sut.orderAwaitingPayment(700);
    const res = await sut.http.post('/api/payments/dev/simulate').set('Authorization', `Bearer ${admin}`).send({ orderId: order.orderId, outcome: 'succeeded' });
    expect(res.status).toBe(404);
    expect((await sut.payment(order.orderId))?.status).toBe('requires_payment');
  });

  it('announces a declined payment, and a body that is not an event is a 400', async () => {
    const order = await sut.orderAwaitingPayment(990);
    expect((await sut.deliver(stripe, stripe.fail(order.intentId, 'card_declined'))).status).toBe(200);
    const [failed] = await sut.events(order.orderId, 'payment.failed');
    expect(failed.payload).toMatchObject({ orderId: order.orderId, paymentIntentId: order.intentId, reason: 'generic_decline' });

    const notAnEvent = { id: 'evt_x', object: 'charge' } as unknown as Parameters<StripeStandIn['deliver']>[0];
    expect(await stripe.deliver(notAnEvent, sut.webhookUrl, sut.webhookSecret)).toMatchObject({ status: 400, body: { message: 'the body is not an event' } });
  });

  it('books a refund made in the Stripe dashboard and a dispute, each once', async () => {
    const order = await paidOrder(3000);
    const refunded = stripe.refundInDashboard(order.intentId, 1000);
    expect((await sut.deliver(stripe, refunded)).status).toBe(200);
    expect((await sut.deliver(stripe, { ...refunded, id: `evt_${randomUUID()}` })).status).toBe(200);
    const [refundEvent] = await sut.events(order.orderId, 'payment.refunded');
    const [dashboardRefund] = stripe.refundsOf(order.intentId);
    expect(refundEvent.payload).toMatchObject({
      orderId: order.orderId,
      refundId: dashboardRefund.id,
      amount: { amount: 1000, currency: 'USD' },
      totalRefunded: { amount: 1000, currency: 'USD' },
    });

    const dispute = stripe.dispute(order.intentId, 'fraudulent', 2000);
    expect((await sut.deliver(stripe, dispute)).status).toBe(200);
    const [disputed] = await sut.events(order.orderId, 'payment.disputed');
    expect(disputed.payload).toMatchObject({
      orderId: order.orderId,
      paymentIntentId: order.intentId,
      disputeId: dispute.data.object.id,
      amount: { amount: 2000, currency: 'USD' },
      reason: 'fraudulent',
    });
    await sut.settled([order.orderId]);
    expect(sut.eventsOf(order.orderId, 'payment.refunded')).toHaveLength(1);

    const owner = await sut.token('customer', order.customerId);
    const res = await sut.http.get(`/api/orders/${order.orderId}/payment`).set('Authorization', `Bearer ${owner}`).expect(200);
    expect(res.body.refunds).toEqual([expect.objectContaining({ id: dashboardRefund.id, amount: { amount: 1000, currency: 'USD' }, status: 'succeeded' })]);
    expect(await sut.reconcile([order.orderId])).toEqual([]);
  });

  it('refunds part, then the rest, refuses more than is refundable and honours Idempotency-Key', async () => {
    const order = await paidOrder(5000);
    const key = `refund-${randomUUID()}`;

    const partial = await refund(order.orderId, { amount: 1500, reason: 'cold fries' }, key).expect(201);
    expect(partial.body).toMatchObject({ amount: { amount: 1500, currency: 'USD' }, status: 'succeeded', reason: 'cold fries' });
    const replay = await refund(order.orderId, { amount: 1500, reason: 'cold fries' }, key).expect(201);
    expect(replay.body).toEqual(partial.body);
    await refund(order.orderId, { amount: 1600, reason: 'cold fries' }, key).expect(422);

    const tooMuch = await refund(order.orderId, { amount: { amount: 4000, currency: 'USD' }, reason: 'again' }).expect(409);
    expect(tooMuch.body.message).toBe('amount 4000 USD exceeds the refundable 3500 USD');
    await refund(order.orderId, { amount: { amount: 10, currency: 'EUR' }, reason: 'x' }).expect(400);
    await refund(order.orderId, { amount: 0, reason: 'x' }).expect(400);
    await refund(order.orderId, { amount: 10 }).expect(400);
    await refund(order.orderId, { amount: 10, reason: 'x', extra: true }).expect(400);

    const rest = await refund(order.orderId, { reason: 'order lost' }).expect(201);
    expect(rest.body).toMatchObject({ amount: { amount: 3500, currency: 'USD' }, status: 'succeeded' });
    await refund(order.orderId, { reason: 'once more' }).expect(409);
    await sut.http
      .post(`/api/admin/orders/${order.orderId}/refund`)
      .set('Authorization', `Bearer ${await sut.token('customer', order.customerId)}`)
      .send({ reason: 'x' })
      .expect(403);
    await refund(randomUUID(), { reason: 'x' }).expect(404);

    const refunds = await sut.events(order.orderId, 'payment.refunded', 2);
    expect(refunds.map((e) => [e.payload.amount, e.payload.totalRefunded])).toEqual([
      [
        { amount: 1500, currency: 'USD' },
        { amount: 1500, currency: 'USD' },
      ],
      [
        { amount: 3500, currency: 'USD' },
        { amount: 5000, currency: 'USD' },
      ],
    ]);
    const calls = stripe.requests.filter((r) => r.operation === 'create_refund' && r.params.payment_intent === order.intentId);
    expect(calls).toHaveLength(2);
    expect(calls.every((r) => r.idempotencyKey?.startsWith('galley-refund-'))).toBe(true);
    expect(
      stripe
        .refundsOf(order.intentId)
        .map((r) => r.amount)
        .sort(),
    ).toEqual([1500, 3500]);

    // Stripe's own charge.refunded for those refunds changes nothing more.
    expect((await sut.deliver(stripe, stripe.chargeRefunded(order.intentId))).status).toBe(200);
    await sut.settled([order.orderId]);
    expect(sut.eventsOf(order.orderId, 'payment.refunded')).toHaveLength(2);
    expect(await sut.reconcile([order.orderId])).toEqual([]);
  });

  it('refunds a paid order cancelled with refundRequired, and a late payment flagged by needs_attention', async () => {
    const cancelled = await paidOrder(2200);
    await sut.publish(orderCancelledV1, {
      orderId: cancelled.orderId,
      customerId: cancelled.customerId,
      reason: 'customer changed their mind',
      refundRequired: true,
      cancelledBy: 'customer',
    });
    const [refunded] = await sut.events(cancelled.orderId, 'payment.refunded');
    expect(refunded.payload).toMatchObject({ amount: { amount: 2200, currency: 'USD' }, totalRefunded: { amount: 2200, currency: 'USD' }, reason: 'customer changed their mind' });

    // The order was cancelled unpaid (intent cancelled), then the customer's payment went through anyway.
    const late = await sut.orderAwaitingPayment(1300);
    await sut.publish(orderCancelledV1, { orderId: late.orderId, customerId: late.customerId, reason: 'reservation expired', refundRequired: false, cancelledBy: 'system' });
    await waitFor(async () => (await sut.payment(late.orderId))?.status === 'cancelled', { what: 'the intent to be cancelled' });
    expect(stripe.intent(late.intentId).status).toBe('canceled');
    expect((await sut.deliver(stripe, stripe.succeed(late.intentId))).status).toBe(200);
    await sut.events(late.orderId, 'payment.succeeded');
    await sut.publish(orderNeedsAttentionV1, {
      orderId: late.orderId,
      customerId: late.customerId,
      previousStatus: 'CANCELLED',
      reason: 'paid after cancellation',
      refundRequired: true,
    });
    const [lateRefund] = await sut.events(late.orderId, 'payment.refunded');
    expect(lateRefund.payload).toMatchObject({ amount: { amount: 1300, currency: 'USD' } });
    expect(stripe.refundsOf(late.intentId)).toHaveLength(1);
    expect(await sut.reconcile([cancelled.orderId, late.orderId])).toEqual([]);
  });

  it('announces payment.refund_failed when Stripe refuses a refund, and reconcile catches a paid cancelled order', async () => {
    const order = await paidOrder(1700);
    stripe.failNext('create_refund', { status: 400, code: 'charge_disputed', message: 'This charge is disputed' });
    await sut.publish(orderCancelledV1, { orderId: order.orderId, customerId: order.customerId, reason: 'kitchen closed', refundRequired: true, cancelledBy: 'admin' });
    const [failed] = await sut.events(order.orderId, 'payment.refund_failed');
    expect(failed.payload).toMatchObject({ orderId: order.orderId, amount: { amount: 1700, currency: 'USD' }, reason: expect.stringContaining('charge_disputed') });
    expect(sut.eventsOf(order.orderId, 'payment.refunded')).toHaveLength(0);
    expect((await sut.reconcile([order.orderId])).map((d) => d.kind)).toEqual(['unrefunded_cancelled_order']);

    // Staff retry by hand: an admin refund that Stripe refuses is a 502 and a second refund_failed.
    stripe.failNext('create_refund', { status: 402, code: 'insufficient_funds' });
    const res = await refund(order.orderId, { reason: 'retry' }).expect(502);
    expect(res.body.message).toContain('insufficient_funds');
    await sut.events(order.orderId, 'payment.refund_failed', 2);
    await refund(order.orderId, { reason: 'retry again' }).expect(201);
    await sut.events(order.orderId, 'payment.refunded');
    expect(await sut.reconcile([order.orderId])).toEqual([]);
  });

  it('keeps every ledger transaction balanced, and reconcile reports a corrupted ledger', async () => {
    expect(await sut.unbalancedLedgerTransactions()).toBe(0);
    expect(await sut.reconcile()).toEqual([]);

    const order = await paidOrder(1000);
    // The database itself refuses an unbalanced transaction at commit.
    await expect(
      sut.db.query(
        `INSERT INTO payments.ledger_entries (transaction_id, payment_id, account, amount, currency, kind, reference) VALUES ($1, $2, 'refunds', 100, 'USD', 'refund', 're_forged')`,
        [randomUUID(), order.paymentId],
      ),
    ).rejects.toThrow('does not balance');
    await expect(sut.db.query(`DELETE FROM payments.ledger_entries WHERE payment_id = $1`, [order.paymentId])).rejects.toThrow('append-only');

    // Corruption that bypasses the triggers (a superuser with replication role) is still reported.
    const client = await sut.db.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(
        `INSERT INTO payments.ledger_entries (transaction_id, payment_id, account, amount, currency, kind, reference) VALUES ($1, $2, 'refunds', 100, 'USD', 'refund', 're_forged')`,
        [randomUUID(), order.paymentId],
      );
    } finally {
      await client.query(`RESET session_replication_role`);
      client.release();
    }
    const found = await sut.reconcile([order.orderId]);
    expect(found.map((d) => d.kind).sort()).toEqual(['ledger_mismatch', 'unbalanced_transaction']);
    expect(found.find((d) => d.kind === 'ledger_mismatch')?.message).toContain('ledger refunds is 100 USD, expected 0');
  });
});
