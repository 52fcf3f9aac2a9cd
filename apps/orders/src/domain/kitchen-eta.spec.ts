import { estimateReadyTimes, KitchenTicket, workMinutesOf } from './kitchen-eta';

const NOW = new Date('2026-03-02T12:00:00.000Z');
const minutes = (offset: number) => new Date(NOW.getTime() + offset * 60_000);

/** `id:work` waits (queued in the order given); `id:work@-5` has been cooking since 5 minutes ago. */
function queueOf(spec: string): KitchenTicket[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((token, index) => {
      const [, orderId, work, since] = /^(\w+):(\d+)(?:@(-?\d+))?$/.exec(token)!;
      return { orderId, workMinutes: Number(work), preparingSince: since === undefined ? null : minutes(Number(since)), queuedAt: minutes(-60 + index) };
    });
}

describe(estimateReadyTimes.name, () => {
  it.each([
    // case                                                  queue                       capacity  ready (minutes from now)
    ['an empty kitchen', '', 2, {}],
    ['one waiting ticket starts now', 'a:10', 1, { a: 10 }],
    ['one ticket half cooked', 'a:10@-4', 1, { a: 6 }],
    ['a late ticket is due now, not in the past', 'a:10@-25', 1, { a: 0 }],
    ['capacity 1 cooks one after another', 'a:10 b:5 c:20', 1, { a: 10, b: 15, c: 35 }],
    ['capacity 2 fills two places, then the first free', 'a:10 b:5 c:20', 2, { a: 10, b: 5, c: 25 }],
    ['no capacity limit cooks everything in parallel', 'a:10 b:5 c:20', null, { a: 10, b: 5, c: 20 }],
    ['a waiting ticket follows one in preparation', 'a:10@-8 b:10', 1, { a: 2, b: 12 }],
    ['waiting tickets wait for the earliest to finish', 'a:30@-5 b:10@-5 c:10', 2, { a: 25, b: 5, c: 15 }],
    ['more cooking than capacity delays the waiting ones', 'a:10@-2 b:20@-2 c:10', 1, { a: 8, b: 18, c: 28 }],
    ['a free place is used at once', 'a:10@-2 b:5', 2, { a: 8, b: 5 }],
    ['zero-minute items (drinks) are ready now', 'a:0', 1, { a: 0 }],
    ['unlimited, a ticket in preparation keeps its time', 'a:10@-3 b:4', null, { a: 7, b: 4 }],
  ])('%s', (_case, spec, capacity, expected) => {
    const sut = estimateReadyTimes(queueOf(spec), capacity, NOW);
    expect(Object.fromEntries([...sut].map(([id, at]) => [id, (at.getTime() - NOW.getTime()) / 60_000]))).toEqual(expected);
  });

  it('serves waiting tickets first come, first served whatever order they are given in', () => {
    const [a, b] = queueOf('a:10 b:10');
    const sut = estimateReadyTimes([b, a], 1, NOW);
    expect(sut.get('a')).toEqual(minutes(10));
    expect(sut.get('b')).toEqual(minutes(20));
  });
});

describe(workMinutesOf.name, () => {
  it.each([
    ['no lines', [], 0],
    ['quantity times minutes', [{ quantity: 3, preparationMinutes: 4 }], 12],
    [
      'lines add up',
      [
        { quantity: 1, preparationMinutes: 12 },
        { quantity: 2, preparationMinutes: 0 },
      ],
      12,
    ],
    ['an unknown product counts 10 minutes', [{ quantity: 2, preparationMinutes: null }], 20],
  ])('%s', (_case, lines, expected) => {
    expect(workMinutesOf(lines)).toBe(expected);
  });
});
