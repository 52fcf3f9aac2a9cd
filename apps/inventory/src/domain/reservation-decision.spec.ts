import { decideReservation, mergeLines, ReservationDecision, RequestedLine } from './reservation-decision';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe(decideReservation.name, () => {
  it.each<[string, RequestedLine[], [string, number][], ReservationDecision]>([
    ['reserves a line with enough stock', [{ productId: A, quantity: 2 }], [[A, 5]], { kind: 'reserve', lines: [{ productId: A, quantity: 2 }] }],
    ['reserves exactly the last units', [{ productId: A, quantity: 5 }], [[A, 5]], { kind: 'reserve', lines: [{ productId: A, quantity: 5 }] }],
    ['rejects a line one unit short', [{ productId: A, quantity: 6 }], [[A, 5]], { kind: 'reject', shortLines: [{ productId: A, requested: 6, available: 5 }] }],
    [
      'reserves nothing when one line of several is short',
      [
        { productId: A, quantity: 1 },
        { productId: B, quantity: 3 },
      ],
      [
        [A, 10],
        [B, 2],
      ],
      { kind: 'reject', shortLines: [{ productId: B, requested: 3, available: 2 }] },
    ],
    [
      'treats an unknown or archived product as short with 0 available',
      [{ productId: C, quantity: 1 }],
      [],
      { kind: 'reject', shortLines: [{ productId: C, requested: 1, available: 0 }] },
    ],
    [
      'adds up two lines of one product before deciding',
      [
        { productId: A, quantity: 3 },
        { productId: A, quantity: 3 },
      ],
      [[A, 5]],
      { kind: 'reject', shortLines: [{ productId: A, requested: 6, available: 5 }] },
    ],
    [
      'lists every short line',
      [
        { productId: B, quantity: 1 },
        { productId: A, quantity: 1 },
      ],
      [
        [A, 0],
        [B, 0],
      ],
      {
        kind: 'reject',
        shortLines: [
          { productId: A, requested: 1, available: 0 },
          { productId: B, requested: 1, available: 0 },
        ],
      },
    ],
  ])('%s', (_case, lines, stock, expected) => {
    expect(decideReservation(lines, new Map(stock))).toEqual(expected);
  });
});

describe(mergeLines.name, () => {
  it('sorts by product id (the lock order) and merges repeated products', () => {
    expect(
      mergeLines([
        { productId: B, quantity: 1 },
        { productId: A, quantity: 2 },
        { productId: B, quantity: 4 },
      ]),
    ).toEqual([
      { productId: A, quantity: 2 },
      { productId: B, quantity: 5 },
    ]);
  });
});
