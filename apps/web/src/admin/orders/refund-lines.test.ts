import { describe, expect, it } from 'vitest';
import type { AdminOrder } from '../api/admin-client';
import { amountForLines, refundable, refundableQuantity, refundLinesBody, refundProblem } from './refund-lines';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const order = {
  total: usd(1510),
  refunds: [] as AdminOrder['refunds'],
  lines: [
    { id: 1, productId: 'p1', name: 'Espresso', quantity: 2, modifiers: [], unitPrice: usd(380), lineTotal: usd(760) },
    { id: 2, productId: 'p2', name: 'Tiramisu', quantity: 1, modifiers: [], unitPrice: usd(750), lineTotal: usd(750) },
  ],
};

describe('refundable', () => {
  it('subtracts succeeded and pending refunds but not failed ones', () => {
    const refunds = [
      { id: 'a', amount: usd(500), status: 'succeeded' },
      { id: 'b', amount: usd(100), status: 'pending' },
      { id: 'c', amount: usd(900), status: 'failed' },
    ];
    expect(refundable({ ...order, refunds })).toEqual(usd(910));
  });
  it('never goes below zero', () => {
    expect(refundable({ ...order, refunds: [{ id: 'a', amount: usd(5000), status: 'succeeded' }] })).toEqual(usd(0));
  });
});

describe('amountForLines', () => {
  it('adds unit prices (with modifiers) times the chosen quantities', () => {
    expect(amountForLines(order, { 0: 1, 1: 1 })).toEqual(usd(1130));
  });
  it('caps a quantity at the line and the amount at what is left', () => {
    expect(amountForLines(order, { 0: 9 })).toEqual(usd(760));
    expect(amountForLines({ ...order, refunds: [{ id: 'a', amount: usd(1000), status: 'succeeded' }] }, { 0: 2, 1: 1 })).toEqual(usd(510));
  });
});

describe('refundLinesBody', () => {
  it('lists the chosen lines by their id in the order', () => {
    expect(refundLinesBody(order, { 0: 1, 1: 0 })).toEqual([{ lineId: 1, quantity: 1 }]);
  });
  it('is null when nothing is chosen', () => {
    expect(refundLinesBody(order, { 0: 0 })).toBeNull();
  });
});

describe('refundProblem', () => {
  it('asks for a reason and for an item', () => {
    expect(refundProblem({ mode: 'all', amount: usd(100), reason: ' ', remaining: usd(100) })).toBe('Give a reason for the refund.');
    expect(refundProblem({ mode: 'lines', amount: usd(0), reason: 'cold', remaining: usd(100) })).toBe('Choose at least one item to refund.');
    expect(refundProblem({ mode: 'all', amount: usd(100), reason: 'cold', remaining: usd(0) })).toBe('Nothing is left to refund on this order.');
    expect(refundProblem({ mode: 'lines', amount: usd(100), reason: 'cold', remaining: usd(100) })).toBeNull();
  });
});

describe('refundableQuantity', () => {
  const line = order.lines[0]!;
  it('offers what payments says is left of the line', () => {
    expect(refundableQuantity(line, [{ lineId: 1, refundedQuantity: 1, refundableQuantity: 1 }])).toBe(1);
  });
  it('offers nothing of a line refunded in full', () => {
    expect(refundableQuantity(line, [{ lineId: 1, refundedQuantity: 2, refundableQuantity: 0 }])).toBe(0);
  });
  it('offers the whole line when payments does not know it', () => {
    expect(refundableQuantity(line, undefined)).toBe(2);
    expect(refundableQuantity(line, [{ lineId: 2, refundedQuantity: 1, refundableQuantity: 0 }])).toBe(2);
  });
  it('caps the amount of chosen lines at what is left of them', () => {
    expect(amountForLines(order, { 0: 2 }, [{ lineId: 1, refundedQuantity: 1, refundableQuantity: 1 }])).toEqual(usd(380));
  });
});
