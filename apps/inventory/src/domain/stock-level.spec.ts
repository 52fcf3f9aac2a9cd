import { AdjustmentResult, applyAdjustment, isLowOnStock } from './stock-level';

describe(applyAdjustment.name, () => {
  it.each<[string, number, number, number, AdjustmentResult]>([
    ['adds received stock', 0, 0, 10, { ok: true, onHand: 10 }],
    ['removes stock', 10, 0, -4, { ok: true, onHand: 6 }],
    ['removes down to zero', 10, 0, -10, { ok: true, onHand: 0 }],
    ['refuses going below zero', 3, 0, -4, { ok: false, reason: 'onHand would become -1; it cannot go below 0' }],
    ['removes down to the reserved units', 10, 4, -6, { ok: true, onHand: 4 }],
    ['refuses going above the limit', 999_999_999, 0, 2, { ok: false, reason: 'onHand would become 1000000001, above the limit of 1000000000' }],
    ['refuses going below the reserved units', 10, 4, -7, { ok: false, reason: 'onHand would become 3, below the 4 reserved for orders' }],
  ])('%s', (_case, onHand, reserved, delta, expected) => {
    expect(applyAdjustment({ onHand, reserved }, delta)).toEqual(expected);
  });
});

describe(isLowOnStock.name, () => {
  it.each<[string, number, number, number | null, boolean]>([
    ['is low at the threshold', 5, 0, 5, true],
    ['is low below the threshold', 3, 0, 5, true],
    ['is not low above the threshold', 6, 0, 5, false],
    ['counts what is available, not what is on hand', 10, 6, 5, true],
    ['with a threshold of 0, is low only when sold out', 0, 0, 0, true],
    ['with a threshold of 0, is not low with one left', 1, 0, 0, false],
    ['without a threshold, is never low', 0, 0, null, false],
  ])('%s', (_case, onHand, reserved, lowStockThreshold, expected) => {
    expect(isLowOnStock({ onHand, reserved, lowStockThreshold })).toBe(expected);
  });
});
