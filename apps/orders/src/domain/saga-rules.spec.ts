import { ORDER_STATUSES, OrderStatus, transition } from './order-status';
import { SagaFact, sagaDecision, sagaRecord } from './saga-rules';

const EXPIRES_AT = new Date('2026-12-03T12:15:00Z');

const FACTS: Record<SagaFact['kind'], SagaFact> = {
  'stock-reserved': { kind: 'stock-reserved', reservationId: 'r1', expiresAt: EXPIRES_AT },
  'stock-rejected': { kind: 'stock-rejected', shortLines: [{ productId: 'p1', requested: 3, available: 1 }] },
  'reservation-expired': { kind: 'reservation-expired' },
  'payment-succeeded': { kind: 'payment-succeeded', amount: 2450, paymentIntentId: 'pi_1' },
  'payment-failed': { kind: 'payment-failed', reason: 'card_declined' },
  'payment-disputed': { kind: 'payment-disputed', reason: 'fraudulent' },
  'refund-failed': { kind: 'refund-failed', reason: 'charge_already_refunded' },
};

// [status, fact, resulting status (or null for no change), refund asked for]
const TABLE: ReadonlyArray<[OrderStatus, SagaFact['kind'], OrderStatus | null, boolean]> = [
  ['PENDING', 'stock-reserved', 'AWAITING_PAYMENT', false],
  ['PENDING', 'stock-rejected', 'REJECTED', false],
  ['CANCELLED', 'stock-reserved', null, false],
  ['AWAITING_PAYMENT', 'stock-reserved', null, false],
  ['AWAITING_PAYMENT', 'payment-succeeded', 'CONFIRMED', false],
  ['AWAITING_PAYMENT', 'payment-failed', 'CANCELLED', false],
  ['AWAITING_PAYMENT', 'reservation-expired', 'CANCELLED', false],
  ['CONFIRMED', 'payment-succeeded', null, false],
  ['CONFIRMED', 'payment-failed', null, false],
  ['CONFIRMED', 'reservation-expired', 'NEEDS_ATTENTION', true],
  ['CANCELLED', 'payment-succeeded', 'NEEDS_ATTENTION', true],
  ['REJECTED', 'payment-succeeded', 'NEEDS_ATTENTION', true],
  ['CANCELLED', 'reservation-expired', null, false],
  ['CANCELLED', 'payment-failed', null, false],
  ['COMPLETED', 'payment-disputed', 'NEEDS_ATTENTION', false],
  ['CONFIRMED', 'payment-disputed', 'NEEDS_ATTENTION', false],
  ['NEEDS_ATTENTION', 'payment-disputed', null, false],
  ['CANCELLED', 'refund-failed', 'NEEDS_ATTENTION', false],
  ['NEEDS_ATTENTION', 'payment-succeeded', null, false],
];

describe(sagaDecision.name, () => {
  it.each(TABLE)('%s + %s → %s (refund: %s)', (status, kind, to, refund) => {
    const sut = sagaDecision(status, FACTS[kind]);
    if (to === null) expect(sut.action).toBe('none');
    else expect(sut).toMatchObject({ action: 'move', to, ...(refund ? { refundRequired: true } : {}) });
    if (!refund && sut.action === 'move') expect(sut.refundRequired).toBeFalsy();
  });

  it('only ever asks for moves the state machine allows the saga to make', () => {
    for (const status of ORDER_STATUSES) {
      for (const fact of Object.values(FACTS)) {
        const sut = sagaDecision(status, fact);
        if (sut.action === 'move') expect({ status, fact: fact.kind, result: transition(status, sut.to, 'saga') }).toEqual({ status, fact: fact.kind, result: { allowed: true } });
      }
    }
  });

  it('puts the short lines in the rejection reason', () => {
    const sut = sagaDecision('PENDING', FACTS['stock-rejected']);
    expect(sut.action === 'move' && sut.reason).toBe('stock short: p1 (requested 3, available 1)');
  });
});

// [status, fact, what is recorded on the order (null for nothing)]
const RECORDS: ReadonlyArray<[OrderStatus, SagaFact['kind'], ReturnType<typeof sagaRecord> | null]> = [
  ['PENDING', 'stock-reserved', { kind: 'reservation', reservationId: 'r1', expiresAt: EXPIRES_AT }],
  ['CANCELLED', 'stock-reserved', null],
  ['REJECTED', 'stock-reserved', null],
  ['AWAITING_PAYMENT', 'stock-reserved', null],
  ['AWAITING_PAYMENT', 'payment-succeeded', { kind: 'payment', paidAmount: 2450, paymentIntentId: 'pi_1' }],
  ['CANCELLED', 'payment-succeeded', { kind: 'payment', paidAmount: 2450, paymentIntentId: 'pi_1' }],
  ['REJECTED', 'payment-succeeded', { kind: 'payment', paidAmount: 2450, paymentIntentId: 'pi_1' }],
  ['CONFIRMED', 'payment-succeeded', { kind: 'payment', paidAmount: 2450, paymentIntentId: 'pi_1' }],
  ['PENDING', 'stock-rejected', null],
  ['AWAITING_PAYMENT', 'payment-failed', null],
  ['AWAITING_PAYMENT', 'reservation-expired', null],
  ['CONFIRMED', 'payment-disputed', null],
];

describe(sagaRecord.name, () => {
  it.each(RECORDS)('%s + %s records %j', (status, kind, recorded) => {
    const sut = sagaRecord(status, FACTS[kind]);
    expect(sut ?? null).toEqual(recorded);
  });

  it('records data only from the facts that carry it', () => {
    for (const status of ORDER_STATUSES) {
      for (const fact of Object.values(FACTS)) {
        const sut = sagaRecord(status, fact);
        if (sut) expect(['stock-reserved', 'payment-succeeded']).toContain(fact.kind);
      }
    }
  });
});
