import { estimateReadyTimes } from '../domain/kitchen-eta';
import { OrderStatus } from '../domain/order-status';
import { QueuedTicket } from '../repositories/kitchen.repository';
import { OrdersRepositories } from '../repositories/orders-store';
import { HistoryEntry, OrderRecord } from '../repositories/orders.repository';

/** The statuses that make up the kitchen's queue. */
export const KITCHEN_QUEUE_STATUSES: readonly OrderStatus[] = ['CONFIRMED', 'PREPARING'];

/** The kitchen's queue and every ticket's estimate at `now`. */
export interface KitchenSnapshot {
  queue: QueuedTicket[];
  estimates: Map<string, Date>;
  capacity: number | null;
}

/**
 * With no capacity limit every ticket is cooked in parallel, so one order's estimate depends on that order alone:
 * given `focus`, only its ticket is read (no scan of the whole queue on every read or saga step).
 */
export async function kitchenSnapshot(repos: OrdersRepositories, now: Date, focus?: string): Promise<KitchenSnapshot> {
  const capacity = (await repos.settings.get())?.kitchenCapacity ?? null;
  const queue = await repos.kitchen.queue(capacity === null ? focus : undefined);
  return { queue, capacity, estimates: estimateReadyTimes(queue, capacity, now) };
}

/**
 * When the order should be ready, as of `now`: from the queue for a CONFIRMED or PREPARING order; for an order not
 * paid yet, as if it joined the end of the queue now; the moment it became READY; null once it is finished
 * (COMPLETED, CANCELLED, REJECTED) or waits for staff (NEEDS_ATTENTION).
 */
export async function estimateFor(
  repos: OrdersRepositories,
  order: OrderRecord,
  history: readonly HistoryEntry[] | undefined,
  now: Date,
  snapshot?: KitchenSnapshot,
): Promise<Date | null> {
  switch (order.status) {
    case 'COMPLETED':
    case 'CANCELLED':
    case 'REJECTED':
    case 'NEEDS_ATTENTION':
      return null;
    case 'READY': {
      const ready = history?.filter((entry) => entry.status === 'READY').at(-1);
      return ready ? new Date(ready.at) : order.updatedAt;
    }
    case 'CONFIRMED':
    case 'PREPARING': {
      const kitchen = snapshot ?? (await kitchenSnapshot(repos, now, order.id));
      return kitchen.estimates.get(order.id) ?? null;
    }
    case 'PENDING':
    case 'AWAITING_PAYMENT': {
      const kitchen = snapshot ?? (await kitchenSnapshot(repos, now, order.id));
      const workMinutes = await repos.kitchen.workMinutes(order.id);
      const queue = [
        ...kitchen.queue.filter((ticket) => ticket.orderId !== order.id),
        { orderId: order.id, customerId: order.customerId, preparingSince: null, queuedAt: now, workMinutes },
      ];
      return estimateReadyTimes(queue, kitchen.capacity, now).get(order.id) ?? null;
    }
  }
}

/** The tickets (other than `except`) whose estimate differs between two snapshots taken at the same moment. */
export function movedEstimates(before: KitchenSnapshot, after: KitchenSnapshot, except: string): Array<{ ticket: QueuedTicket; estimatedReadyAt: Date }> {
  return after.queue
    .filter((ticket) => ticket.orderId !== except)
    .map((ticket) => ({ ticket, estimatedReadyAt: after.estimates.get(ticket.orderId)! }))
    .filter(({ ticket, estimatedReadyAt }) => before.estimates.get(ticket.orderId)?.getTime() !== estimatedReadyAt.getTime());
}
