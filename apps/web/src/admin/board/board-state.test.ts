import { describe, expect, it } from 'vitest';
import type { OrderSummary } from '../api/admin-client';
import { applyEvent, groupColumns, isAtOrPast, mergeSnapshot, RECENT_COMPLETED, shortId, type BoardState, type Ticket } from './board-state';

function summary(id: string, status: OrderSummary['status'], updatedAt: string, createdAt = '2026-12-02T10:00:00.000Z'): OrderSummary {
  return {
    id,
    customerId: 'c',
    status,
    total: { amount: 100, currency: 'USD' },
    fulfillment: { type: 'pickup' },
    createdAt,
    updatedAt,
  };
}

function ticket(id: string, status: Ticket['status'], createdAt: string, statusAt = createdAt): Ticket {
  return { id, status, sequence: 0, createdAt, statusAt };
}

describe('mergeSnapshot', () => {
  it('adds every listed order with its status', () => {
    const sut = mergeSnapshot({}, [summary('a', 'CONFIRMED', '2026-12-02T10:01:00.000Z')], '2026-12-02T10:02:00.000Z');
    expect(sut.a).toMatchObject({ status: 'CONFIRMED', sequence: 0, fulfillment: { type: 'pickup' } });
  });

  it('keeps a change the stream delivered after the list was read', () => {
    const state: BoardState = { a: { id: 'a', status: 'PREPARING', sequence: 4, statusAt: '2026-12-02T10:05:00.000Z', createdAt: 'x' } };
    const sut = mergeSnapshot(state, [summary('a', 'CONFIRMED', '2026-12-02T10:01:00.000Z')], '2026-12-02T10:04:00.000Z');
    expect(sut.a?.status).toBe('PREPARING');
  });

  it('drops orders the refetched lists no longer hold unless they moved after the snapshot', () => {
    const state: BoardState = {
      gone: ticket('gone', 'READY', '2026-12-02T09:00:00.000Z'),
      fresh: { ...ticket('fresh', 'CONFIRMED', '2026-12-02T10:09:00.000Z'), sequence: 3 },
    };
    const sut = mergeSnapshot(state, [], '2026-12-02T10:05:00.000Z');
    expect(Object.keys(sut)).toEqual(['fresh']);
  });
});

describe('applyEvent', () => {
  const at = '2026-12-02T10:00:00.000Z';

  it('adds an order it has not seen', () => {
    const sut = applyEvent({}, { orderId: 'a', sequence: 3, status: 'CONFIRMED', at });
    expect(sut.a).toMatchObject({ status: 'CONFIRMED', sequence: 3, createdAt: at });
  });

  it('ignores a replayed or older event of an order', () => {
    const state = applyEvent({}, { orderId: 'a', sequence: 4, status: 'PREPARING', at });
    expect(applyEvent(state, { orderId: 'a', sequence: 3, status: 'CONFIRMED', at })).toBe(state);
    expect(applyEvent(state, { orderId: 'a', sequence: 4, status: 'PREPARING', at })).toBe(state);
  });

  it('ignores an event older than what a list said', () => {
    const state: BoardState = { a: ticket('a', 'READY', '2026-12-02T09:00:00.000Z', '2026-12-02T10:10:00.000Z') };
    expect(applyEvent(state, { orderId: 'a', sequence: 4, status: 'PREPARING', at: '2026-12-02T10:05:00.000Z' })).toBe(state);
  });
});

describe('groupColumns', () => {
  it('puts the longest waiting first and leaves statuses off the board out', () => {
    const sut = groupColumns([
      ticket('late', 'CONFIRMED', '2026-12-02T10:05:00.000Z'),
      ticket('early', 'CONFIRMED', '2026-12-02T10:01:00.000Z'),
      ticket('cancelled', 'CANCELLED', '2026-12-02T10:00:00.000Z'),
      ticket('cooking', 'PREPARING', '2026-12-02T10:00:00.000Z'),
    ]);
    expect(sut.CONFIRMED.map((t) => t.id)).toEqual(['early', 'late']);
    expect(sut.PREPARING.map((t) => t.id)).toEqual(['cooking']);
    expect(Object.values(sut).flat().map((t) => t.id)).not.toContain('cancelled');
  });

  it('keeps only the newest completed tickets', () => {
    const done = Array.from({ length: RECENT_COMPLETED + 3 }, (_, i) =>
      ticket(`d${i}`, 'COMPLETED', '2026-12-02T09:00:00.000Z', `2026-12-02T10:${String(i).padStart(2, '0')}:00.000Z`),
    );
    const sut = groupColumns(done);
    expect(sut.COMPLETED).toHaveLength(RECENT_COMPLETED);
    expect(sut.COMPLETED[0]?.id).toBe(`d${RECENT_COMPLETED + 2}`);
  });

  it('groups by the projected status when given one', () => {
    const sut = groupColumns([ticket('a', 'CONFIRMED', 'x')], () => 'PREPARING');
    expect(sut.PREPARING.map((t) => t.id)).toEqual(['a']);
  });
});

describe('isAtOrPast', () => {
  it.each([
    ['READY', 'PREPARING', true],
    ['PREPARING', 'PREPARING', true],
    ['CONFIRMED', 'PREPARING', false],
    ['CANCELLED', 'PREPARING', false],
  ] as const)('%s is at or past %s: %s', (status, target, expected) => {
    expect(isAtOrPast(status, target)).toBe(expected);
  });
});

describe('shortId', () => {
  it('is the first six hex digits in capitals', () => {
    expect(shortId('be6838c8-593d-4ee7-9bd8-2fd0e3ba0c28')).toBe('BE6838');
  });
});
