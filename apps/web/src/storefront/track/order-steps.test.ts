import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../checkout/orders-api';
import { canCancel, mergeHistory, progressOf } from './order-steps';

describe('progressOf', () => {
  it.each<[OrderStatus, number, string | null]>([
    ['PENDING', 0, null],
    ['AWAITING_PAYMENT', 0, null],
    ['CONFIRMED', 1, null],
    ['PREPARING', 2, null],
    ['READY', 3, null],
    ['COMPLETED', 4, null],
    ['CANCELLED', -1, 'cancelled'],
    ['REJECTED', -1, 'rejected'],
    ['NEEDS_ATTENTION', -1, 'attention'],
  ])('%s → step %i', (status, index, ended) => {
    expect(progressOf(status)).toEqual({ index, ended });
  });
});

describe('canCancel', () => {
  it.each<[OrderStatus, boolean]>([
    ['PENDING', true],
    ['AWAITING_PAYMENT', true],
    ['CONFIRMED', true],
    ['PREPARING', false],
    ['READY', false],
    ['COMPLETED', false],
    ['CANCELLED', false],
    ['REJECTED', false],
  ])('%s → %s', (status, allowed) => {
    expect(canCancel(status)).toBe(allowed);
  });
});

describe('mergeHistory', () => {
  it('adds new events, replaces repeats and keeps sequence order', () => {
    const merged = mergeHistory(
      [
        { sequence: 1, s: 'a' },
        { sequence: 2, s: 'b' },
      ],
      [
        { sequence: 4, s: 'd' },
        { sequence: 2, s: 'b2' },
        { sequence: 3, s: 'c' },
      ],
    );
    expect(merged.map((m) => m.s)).toEqual(['a', 'b2', 'c', 'd']);
  });
});
