import { AmountParse, parseRefundAmount, refundableAmount } from './money';

describe(parseRefundAmount.name, () => {
  it.each<[string, unknown, AmountParse]>([
    ['nothing as everything refundable', undefined, { ok: true, amount: null }],
    ['null as everything refundable', null, { ok: true, amount: null }],
    ['an integer of minor units', 250, { ok: true, amount: 250 }],
    ['money in the store currency', { amount: 250, currency: 'USD' }, { ok: true, amount: 250 }],
    ['zero', 0, { ok: false, problem: 'amount must be at least 1' }],
    ['a negative amount', -5, { ok: false, problem: 'amount must be at least 1' }],
    ['a fraction', 2.5, { ok: false, problem: 'amount must be an integer of minor units' }],
    ['a numeric string', '250', { ok: false, problem: 'amount must be an integer of minor units or {amount, currency}' }],
    ['an array', [250], { ok: false, problem: 'amount must be an integer of minor units or {amount, currency}' }],
    ['another currency', { amount: 250, currency: 'EUR' }, { ok: false, problem: 'amount.currency must be the store currency USD' }],
    ['a lower-case currency', { amount: 250, currency: 'usd' }, { ok: false, problem: 'amount.currency must be an ISO 4217 code such as USD' }],
    ['money without currency', { amount: 250 }, { ok: false, problem: 'amount.currency must be an ISO 4217 code such as USD' }],
    ['money with a fractional amount', { amount: 2.5, currency: 'USD' }, { ok: false, problem: 'amount.amount must be an integer of minor units' }],
    ['money with a zero amount', { amount: 0, currency: 'USD' }, { ok: false, problem: 'amount.amount must be at least 1' }],
    ['money with a text amount', { amount: '2', currency: 'USD' }, { ok: false, problem: 'amount.amount must be an integer of minor units' }],
    ['money with an extra field', { amount: 2, currency: 'USD', note: 'x' }, { ok: false, problem: 'amount.note should not exist' }],
  ])('reads %s', (_case, input, expected) => {
    expect(parseRefundAmount(input, 'USD')).toEqual(expected);
  });
});

describe(refundableAmount.name, () => {
  it.each<[number, number, number, number]>([
    [1000, 0, 0, 1000],
    [1000, 300, 0, 700],
    [1000, 300, 200, 500],
    [1000, 1000, 0, 0],
    [0, 0, 0, 0],
    // Never negative, even when the records are already wrong (reconcile reports those).
    [1000, 900, 300, 0],
  ])('leaves %i captured - %i refunded - %i pending = %i', (captured, refunded, pendingRefunds, expected) => {
    expect(refundableAmount({ captured, refunded, pendingRefunds })).toBe(expected);
  });
});
