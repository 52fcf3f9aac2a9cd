import 'reflect-metadata';
import { orderPlacedV1 } from './events/orders/order-placed.v1';
import { validateEnvelope, validatePayload } from './validation';

const ORDER_ID = '0b6f1c3e-2d4a-4f5b-8c7d-9e0f1a2b3c4d';
const CUSTOMER_ID = '5d2c8e1f-7a3b-4c9d-8e0f-1a2b3c4d5e6f';
const PRODUCT_ID = '9a8b7c6d-5e4f-4a3b-9c1d-0e1f2a3b4c5d';

function envelope(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '3f2e1d0c-9b8a-4766-8544-332211009988',
    type: 'order.placed',
    version: 1,
    occurredAt: '2025-01-31T12:00:00.000Z',
    aggregateId: ORDER_ID,
    correlationId: 'req-1',
    causationId: 'req-1',
    payload: {},
    ...overrides,
  };
}

function withoutKey(source: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([name]) => name !== key));
}

function line(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { productId: PRODUCT_ID, quantity: 2, unitPrice: { amount: 450, currency: 'USD' }, ...overrides };
}

function orderPlaced(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orderId: ORDER_ID,
    customerId: CUSTOMER_ID,
    lines: [line()],
    total: { amount: 900, currency: 'USD' },
    fulfillmentType: 'pickup',
    ...overrides,
  };
}

describe(validateEnvelope.name, () => {
  it.each([
    ['accepts a valid envelope', envelope(), []],
    ['rejects an envelope without id', withoutKey(envelope(), 'id'), ['id: id must be a UUID']],
    ['rejects a type that is not aggregate.verb', envelope({ type: 'OrderPlaced' }), ['type: type must look like aggregate.verb']],
    ['rejects a version below 1', envelope({ version: 0 }), ['version: version must not be less than 1']],
    ['rejects an occurredAt that is not ISO-8601', envelope({ occurredAt: 'yesterday' }), ['occurredAt: occurredAt must be a valid ISO 8601 date string']],
    ['rejects a payload that is not an object', envelope({ payload: 'x' }), ['payload: payload must be an object']],
  ])('%s', (_case, candidate, expected) => {
    const sut = validateEnvelope(candidate);

    expect(sut.ok ? [] : sut.problems).toEqual(expected);
  });

  it.each([
    ['null', null],
    ['an array', [envelope()]],
    ['a string', 'order.placed'],
  ])('rejects %s as a whole', (_case, candidate) => {
    const sut = validateEnvelope(candidate);

    expect(sut).toEqual({ ok: false, problems: ['envelope: must be a JSON object'] });
  });
});

describe(validatePayload.name, () => {
  it.each([
    ['accepts a valid payload', orderPlaced(), []],
    ['rejects a float amount in a Money field', orderPlaced({ total: { amount: 9.5, currency: 'USD' } }), ['payload.total.amount: amount must be an integer number']],
    ['rejects a lowercase currency in a Money field', orderPlaced({ total: { amount: 900, currency: 'usd' } }), ['payload.total.currency: currency must be an ISO 4217 code']],
    ['rejects a nested line with a bad productId', orderPlaced({ lines: [line({ productId: 'latte' })] }), ['payload.lines.0.productId: productId must be a UUID']],
    [
      'rejects a bad Money inside a nested line',
      orderPlaced({ lines: [line({ unitPrice: { amount: -1, currency: 'USD' } })] }),
      ['payload.lines.0.unitPrice.amount: amount must not be less than 0'],
    ],
    ['rejects an empty lines array', orderPlaced({ lines: [] }), ['payload.lines: lines must contain at least 1 elements']],
    ['rejects a missing required field', withoutKey(orderPlaced(), 'customerId'), ['payload.customerId: customerId must be a UUID']],
    ['tolerates unknown top-level fields', orderPlaced({ loyaltyPoints: 12, channel: { app: 'ios' } }), []],
    ['tolerates unknown fields in nested objects', orderPlaced({ lines: [line({ note: 'no onions' })], total: { amount: 900, currency: 'USD', display: '$9.00' } }), []],
  ])('%s', (_case, payload, expected) => {
    const sut = validatePayload(orderPlacedV1, payload);

    expect(sut.ok ? [] : sut.problems).toEqual(expected);
  });

  it('returns the payload unchanged when it is valid', () => {
    const payload = orderPlaced({ extra: true });

    const sut = validatePayload(orderPlacedV1, payload);

    expect(sut).toEqual({ ok: true, value: payload });
  });

  it.each([
    ['null', null],
    ['an array', [orderPlaced()]],
    ['a number', 42],
  ])('rejects %s as a payload', (_case, payload) => {
    const sut = validatePayload(orderPlacedV1, payload);

    expect(sut).toEqual({ ok: false, problems: ['payload: must be a JSON object'] });
  });
});
