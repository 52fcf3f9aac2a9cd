import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminOrder } from '../api/admin-client';
import type { Ticket } from './board-state';
import { TicketCard } from './ticket-card';

const ticket: Ticket = {
  id: 'be6838c8-593d-4ee7-9bd8-2fd0e3ba0c28',
  status: 'CONFIRMED',
  sequence: 3,
  statusAt: '2026-12-02T10:00:00.000Z',
  createdAt: '2026-12-02T10:00:00.000Z',
  fulfillment: { type: 'delivery' },
};
const usd = (amount: number) => ({ amount, currency: 'USD' });
const detail = {
  id: ticket.id,
  customerId: 'c',
  status: 'CONFIRMED',
  total: usd(1510),
  fulfillment: { type: 'delivery' },
  createdAt: ticket.createdAt,
  updatedAt: ticket.createdAt,
  estimatedReadyAt: null,
  note: 'No sugar please',
  history: [{ sequence: 3, status: 'CONFIRMED', at: '2026-12-02T10:01:00.000Z', reason: 'payment succeeded', actor: 'saga' }],
  refunds: [],
  lines: [
    { id: 1, productId: 'p', name: 'Espresso', quantity: 2, modifiers: [{ id: 'm', group: 'Size', name: 'Large', priceDelta: usd(80) }], unitPrice: usd(380), lineTotal: usd(760) },
  ],
} as AdminOrder;

function renderCard(overrides: Partial<Parameters<typeof TicketCard>[0]> = {}) {
  const props = {
    ticket,
    status: 'CONFIRMED' as const,
    detail,
    detailError: false,
    now: new Date('2026-12-02T10:13:00.000Z').getTime(),
    thresholds: { amberMinutes: 10, redMinutes: 20 },
    timeZone: 'UTC',
    pendingText: null,
    canUndo: false,
    needsAck: true,
    onMove: vi.fn(),
    onUndo: vi.fn(),
    onAcknowledge: vi.fn(),
    ...overrides,
  };
  render(<TicketCard {...props} />);
  return props;
}

describe(TicketCard.name, () => {
  afterEach(cleanup);

  it('shows items with modifiers, the note, delivery and an amber age from confirmation', () => {
    renderCard();
    const card = screen.getByRole('article', { name: 'Order BE6838' });
    expect(within(card).getByRole('list', { name: 'Items of order BE6838' }).textContent).toContain('2 × Espresso');
    expect(card.textContent).toContain('Size: Large');
    expect(card.textContent).toContain('No sugar please');
    expect(card.textContent).toContain('Delivery');
    expect(card.textContent).toContain('Waiting 12 min');
    expect(card.getAttribute('data-age')).toBe('amber');
  });

  it('names its buttons with the order so a screen reader (and a test) can tell tickets apart', () => {
    const props = renderCard({ canUndo: true });
    fireEvent.click(screen.getByRole('button', { name: 'Start preparing order BE6838' }));
    expect(props.onMove).toHaveBeenCalledWith('PREPARING');
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge order BE6838' }));
    expect(props.onAcknowledge).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Undo order BE6838' }));
    expect(props.onUndo).toHaveBeenCalledOnce();
  });

  it('offers the next step for each column and nothing once completed', () => {
    renderCard({ status: 'PREPARING', needsAck: false });
    expect(screen.getByRole('button', { name: 'Mark ready order BE6838' })).toBeTruthy();
    cleanup();
    renderCard({ status: 'READY', needsAck: false });
    expect(screen.getByRole('button', { name: 'Complete order BE6838' })).toBeTruthy();
    cleanup();
    renderCard({ status: 'COMPLETED', needsAck: false });
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('turns red past the red threshold and says so in words', () => {
    renderCard({ now: new Date('2026-12-02T10:30:00.000Z').getTime() });
    const card = screen.getByRole('article', { name: 'Order BE6838' });
    expect(card.getAttribute('data-age')).toBe('red');
    expect(card.textContent).toContain('Overdue');
  });
});
