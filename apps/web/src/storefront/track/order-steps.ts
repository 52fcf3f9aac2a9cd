import type { OrderStatus } from '../checkout/orders-api';

export type Step = { key: string; label: string };
export const STEPS: Step[] = [
  { key: 'placed', label: 'Placed' },
  { key: 'confirmed', label: 'Paid and confirmed' },
  { key: 'preparing', label: 'Preparing' },
  { key: 'ready', label: 'Ready' },
  { key: 'completed', label: 'Completed' },
];

/** Which step an order has reached (index into STEPS), and whether it stopped for good. */
export function progressOf(status: OrderStatus): { index: number; ended: null | 'cancelled' | 'rejected' | 'attention' } {
  switch (status) {
    case 'PENDING':
    case 'AWAITING_PAYMENT':
      return { index: 0, ended: null };
    case 'CONFIRMED':
      return { index: 1, ended: null };
    case 'PREPARING':
      return { index: 2, ended: null };
    case 'READY':
      return { index: 3, ended: null };
    case 'COMPLETED':
      return { index: 4, ended: null };
    case 'CANCELLED':
      return { index: -1, ended: 'cancelled' };
    case 'REJECTED':
      return { index: -1, ended: 'rejected' };
    case 'NEEDS_ATTENTION':
      return { index: -1, ended: 'attention' };
  }
}

/** The customer may cancel until the kitchen starts preparing. */
export function canCancel(status: OrderStatus): boolean {
  return status === 'PENDING' || status === 'AWAITING_PAYMENT' || status === 'CONFIRMED';
}

export function statusLabel(status: OrderStatus): string {
  const labels: Record<OrderStatus, string> = {
    PENDING: 'Placed',
    AWAITING_PAYMENT: 'Waiting for payment',
    CONFIRMED: 'Paid and confirmed',
    PREPARING: 'Preparing',
    READY: 'Ready',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
    REJECTED: 'Rejected',
    NEEDS_ATTENTION: 'Being checked by staff',
  };
  return labels[status];
}

export type StatusEvent = { orderId?: string; sequence: number; status: OrderStatus; at: string; reason?: string | null };

/** Merges streamed status events into the known history: by sequence, no duplicates, in order. */
export function mergeHistory<T extends { sequence: number }>(history: readonly T[], incoming: readonly T[]): T[] {
  const bySeq = new Map<number, T>();
  for (const h of history) bySeq.set(h.sequence, h);
  for (const e of incoming) bySeq.set(e.sequence, e);
  return [...bySeq.values()].sort((a, b) => a.sequence - b.sequence);
}
