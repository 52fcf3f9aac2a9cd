import { amountForLines, lineRefundStates, LinesAmount, PricedLine, refundedQuantities } from './refund-lines';

// Line 1: 2 × 1,400 (a 1,000 pizza with a 400 large size); line 2: 3 × 250 sodas.
const ORDER: PricedLine[] = [
  { lineId: 1, quantity: 2, unitPrice: 1400 },
  { lineId: 2, quantity: 3, unitPrice: 250 },
];

describe(amountForLines.name, () => {
  it.each<[string, [number, number][], [number, number][], LinesAmount]>([
    // case                                         already refunded  chosen             result
    ['one whole line', [], [[1, 2]], { ok: true, amount: 2800 }],
    ['part of a line', [], [[2, 1]], { ok: true, amount: 250 }],
    [
      'several lines',
      [],
      [
        [1, 1],
        [2, 3],
      ],
      { ok: true, amount: 2150 },
    ],
    ['what is left after an earlier line refund', [[2, 2]], [[2, 1]], { ok: true, amount: 250 }],
    ['more than ordered', [], [[1, 3]], { ok: false, kind: 'exceeds', problem: 'line 1: 3 to refund but only 2 of 2 left to refund' }],
    ['more than is left after earlier refunds', [[1, 2]], [[1, 1]], { ok: false, kind: 'exceeds', problem: 'line 1: 1 to refund but only 0 of 2 left to refund' }],
    ['a line the order does not have', [], [[3, 1]], { ok: false, kind: 'invalid', problem: 'the order has no line 3' }],
    [
      'a line named twice',
      [],
      [
        [1, 1],
        [1, 1],
      ],
      { ok: false, kind: 'invalid', problem: 'line 1 is named twice' },
    ],
    ['no line at all', [], [], { ok: false, kind: 'invalid', problem: 'lines must name at least one line' }],
  ])('%s', (_case, refunded, chosen, expected) => {
    expect(
      amountForLines(
        ORDER,
        new Map(refunded),
        chosen.map(([lineId, quantity]) => ({ lineId, quantity })),
      ),
    ).toEqual(expected);
  });
});

describe(refundedQuantities.name, () => {
  it('adds up the quantities of every earlier line refund per line', () => {
    expect([
      ...refundedQuantities([
        [{ lineId: 1, quantity: 1 }],
        [
          { lineId: 1, quantity: 1 },
          { lineId: 2, quantity: 2 },
        ],
        [],
      ]),
    ]).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe(lineRefundStates.name, () => {
  const lines = [
    { lineId: 1, quantity: 2, unitPrice: 900 },
    { lineId: 2, quantity: 1, unitPrice: 1250 },
  ];
  it.each<[string, Map<number, number>, number, Array<[number, number]>]>([
    [
      'offers every item when nothing was refunded',
      new Map(),
      3050,
      [
        [0, 2],
        [0, 1],
      ],
    ],
    [
      'offers the rest of a line refunded in part',
      new Map([[1, 1]]),
      2150,
      [
        [1, 1],
        [0, 1],
      ],
    ],
    [
      'offers nothing of a line refunded in full',
      new Map([[2, 1]]),
      1800,
      [
        [0, 2],
        [1, 0],
      ],
    ],
    [
      'offers no line once nothing of the payment is refundable (a whole-amount refund)',
      new Map(),
      0,
      [
        [0, 0],
        [0, 0],
      ],
    ],
    [
      'never counts more refunded than ordered',
      new Map([[2, 5]]),
      100,
      [
        [0, 2],
        [1, 0],
      ],
    ],
  ])('%s', (_case, refunded, refundable, expected) => {
    const sut = lineRefundStates(lines, refunded, refundable);
    expect(sut.map((line) => [line.refundedQuantity, line.refundableQuantity])).toEqual(expected);
    expect(sut.map((line) => line.quantity)).toEqual([2, 1]);
  });
});
