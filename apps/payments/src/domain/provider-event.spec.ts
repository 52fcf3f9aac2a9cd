import { observe, ProviderObservation, readEventHead } from './provider-event';

const head = (type: string, object: Record<string, unknown>) => ({ id: 'evt_1', type, object });

describe(readEventHead.name, () => {
  it.each<[string, unknown, string]>([
    ['an array', [], 'the body is not an event'],
    ['an object of another kind', { object: 'charge', id: 'ch_1' }, 'the body is not an event'],
    ['an event without id', { object: 'event', type: 'x.y', data: { object: {} } }, 'the event has no id'],
    ['an event without type', { object: 'event', id: 'evt_1', data: { object: {} } }, 'the event has no type'],
    ['an event without data.object', { object: 'event', id: 'evt_1', type: 'x.y', data: {} }, 'the event has no data.object'],
  ])('refuses %s', (_case, body, problem) => {
    expect(readEventHead(body)).toEqual({ ok: false, problem });
  });

  it('reads an event', () => {
    expect(readEventHead({ object: 'event', id: 'evt_1', type: 'x.y', data: { object: { id: 'pi_1' } } })).toEqual({
      ok: true,
      head: { id: 'evt_1', type: 'x.y', object: { id: 'pi_1' } },
    });
  });
});

describe(observe.name, () => {
  const refund = { id: 're_1', object: 'refund', amount: 300, currency: 'usd', status: 'succeeded', metadata: { galleyRefundId: 'g1', reason: 'cold' }, payment_intent: 'pi_1' };

  it.each<[string, ReturnType<typeof head>, ProviderObservation]>([
    [
      'a succeeded intent',
      head('payment_intent.succeeded', { id: 'pi_1', amount: 900, amount_received: 900, currency: 'usd', latest_charge: 'ch_1', metadata: { orderId: 'o1' } }),
      { kind: 'intent_succeeded', intentId: 'pi_1', orderId: 'o1', amountReceived: 900, currency: 'USD', chargeId: 'ch_1' },
    ],
    [
      'a failed intent with a decline code',
      head('payment_intent.payment_failed', { id: 'pi_1', metadata: { orderId: 'o1' }, last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' } }),
      { kind: 'intent_failed', intentId: 'pi_1', orderId: 'o1', reason: 'insufficient_funds' },
    ],
    [
      'a failed intent without an error',
      head('payment_intent.payment_failed', { id: 'pi_1' }),
      { kind: 'intent_failed', intentId: 'pi_1', orderId: null, reason: 'payment_failed' },
    ],
    [
      'a refunded charge with its refunds',
      head('charge.refunded', { id: 'ch_1', payment_intent: 'pi_1', refunds: { object: 'list', data: [refund] } }),
      {
        kind: 'refunds',
        intentId: 'pi_1',
        chargeId: 'ch_1',
        refunds: [{ id: 're_1', amount: 300, currency: 'USD', status: 'succeeded', galleyRefundId: 'g1', reason: 'cold', failureReason: null }],
      },
    ],
    [
      'a refunded charge without its refunds',
      head('charge.refunded', { id: 'ch_1', payment_intent: 'pi_1' }),
      { kind: 'refunds', intentId: 'pi_1', chargeId: 'ch_1', refunds: null },
    ],
    [
      'a failed refund',
      head('refund.failed', { ...refund, status: 'failed', failure_reason: 'expired_or_canceled_card' }),
      {
        kind: 'refunds',
        intentId: 'pi_1',
        chargeId: null,
        refunds: [{ id: 're_1', amount: 300, currency: 'USD', status: 'failed', galleyRefundId: 'g1', reason: 'cold', failureReason: 'expired_or_canceled_card' }],
      },
    ],
    [
      'a dispute',
      head('charge.dispute.created', { id: 'dp_1', amount: 900, currency: 'usd', charge: 'ch_1', payment_intent: 'pi_1', reason: 'fraudulent' }),
      { kind: 'dispute', intentId: 'pi_1', chargeId: 'ch_1', disputeId: 'dp_1', amount: 900, currency: 'USD', reason: 'fraudulent' },
    ],
    ['an unknown type', head('customer.created', { id: 'cus_1' }), { kind: 'ignored', why: 'event type customer.created is not handled' }],
    ['an intent without amount', head('payment_intent.succeeded', { id: 'pi_1', currency: 'usd' }), { kind: 'ignored', why: 'payment intent without id, amount or currency' }],
  ])('reads %s', (_case, event, expected) => {
    expect(observe(event)).toEqual(expected);
  });
});
