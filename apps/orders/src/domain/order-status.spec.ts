import { ORDER_STATUSES_V1 } from '@galley/contracts';
import { CANCELLABLE_STATUSES, listStatuses, ORDER_STATUSES, ORDER_TRANSITIONS, OrderStatus, statusesLeadingTo, transition, TransitionActor } from './order-status';

const ACTORS: readonly TransitionActor[] = ['saga', 'customer', 'staff'];

// Every allowed move, one line each: [from, to, actors allowed].
const ALLOWED: ReadonlyArray<[OrderStatus, OrderStatus, readonly TransitionActor[]]> = [
  ['PENDING', 'AWAITING_PAYMENT', ['saga']],
  ['PENDING', 'REJECTED', ['saga']],
  ['PENDING', 'CANCELLED', ['customer', 'staff']],
  ['AWAITING_PAYMENT', 'CONFIRMED', ['saga']],
  ['AWAITING_PAYMENT', 'CANCELLED', ['saga', 'customer', 'staff']],
  ['AWAITING_PAYMENT', 'NEEDS_ATTENTION', ['saga']],
  ['CONFIRMED', 'PREPARING', ['staff']],
  ['CONFIRMED', 'CANCELLED', ['customer', 'staff']],
  ['CONFIRMED', 'NEEDS_ATTENTION', ['saga']],
  ['PREPARING', 'READY', ['staff']],
  ['PREPARING', 'NEEDS_ATTENTION', ['saga']],
  ['READY', 'COMPLETED', ['staff']],
  ['READY', 'NEEDS_ATTENTION', ['saga']],
  ['COMPLETED', 'NEEDS_ATTENTION', ['saga']],
  ['CANCELLED', 'NEEDS_ATTENTION', ['saga']],
  ['REJECTED', 'NEEDS_ATTENTION', ['saga']],
  ['NEEDS_ATTENTION', 'CANCELLED', ['staff']],
  ['NEEDS_ATTENTION', 'COMPLETED', ['staff']],
];

describe(transition.name, () => {
  it('uses the same statuses as the event contracts', () => {
    expect([...ORDER_STATUSES]).toEqual([...ORDER_STATUSES_V1]);
  });

  it.each(ALLOWED.flatMap(([from, to, actors]) => actors.map((actor) => [from, to, actor] as const)))('allows %s → %s by %s', (from, to, actor) => {
    expect(transition(from, to, actor)).toEqual({ allowed: true });
  });

  // Every other (from, to, actor) triple, including staying in place, is refused.
  const forbidden = ORDER_STATUSES.flatMap((from) =>
    ORDER_STATUSES.flatMap((to) =>
      ACTORS.filter((actor) => !ALLOWED.some(([f, t, actors]) => f === from && t === to && actors.includes(actor))).map((actor) => [from, to, actor] as const),
    ),
  );

  it.each(forbidden)('refuses %s → %s by %s, saying why', (from, to, actor) => {
    const sut = transition(from, to, actor);
    expect(sut.allowed).toBe(false);
    expect(sut.allowed === false && sut.reason).toContain(from);
  });

  it('has no entry the table test does not list', () => {
    const tableEntries = Object.entries(ORDER_TRANSITIONS).flatMap(([from, tos]) => Object.keys(tos ?? {}).map((to) => `${from}→${to}`));
    expect(tableEntries.sort()).toEqual(ALLOWED.map(([from, to]) => `${from}→${to}`).sort());
  });

  it('never lets a customer move an order past CONFIRMED', () => {
    for (const to of ['PREPARING', 'READY', 'COMPLETED'] as const) {
      for (const from of ORDER_STATUSES) expect(transition(from, to, 'customer').allowed).toBe(false);
    }
  });
});

describe(statusesLeadingTo.name, () => {
  it.each([
    ['CANCELLED', 'customer', ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED']],
    ['CANCELLED', 'staff', ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'NEEDS_ATTENTION']],
    ['CANCELLED', 'saga', ['AWAITING_PAYMENT']],
    ['PREPARING', 'customer', []],
    ['COMPLETED', 'staff', ['READY', 'NEEDS_ATTENTION']],
  ] as const)('reads the statuses that lead to %s by %s from the table', (to, actor, expected) => {
    expect(statusesLeadingTo(to, actor)).toEqual(expected);
  });

  it('makes CANCELLABLE_STATUSES "until the kitchen starts": a customer may cancel there and nowhere else', () => {
    expect(CANCELLABLE_STATUSES).toEqual(['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED']);
    for (const from of ORDER_STATUSES) expect(transition(from, 'CANCELLED', 'customer').allowed).toBe(CANCELLABLE_STATUSES.includes(from));
  });
});

describe(listStatuses.name, () => {
  it.each([
    [[], ''],
    [['PENDING'], 'PENDING'],
    [['PENDING', 'CONFIRMED'], 'PENDING or CONFIRMED'],
    [['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED'], 'PENDING, AWAITING_PAYMENT or CONFIRMED'],
  ] as const)('writes %j as %j', (statuses, expected) => {
    expect(listStatuses(statuses)).toBe(expected);
  });
});
