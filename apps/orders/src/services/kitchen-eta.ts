import { estimateReadyTimes } from '../domain/kitchen-eta';
import { OrderStatus } from '../domain/order-status';
import { QueuedTicket } from '../repositories/kitchen.repository';
import { OrdersRepositories } from '../repositories/orders-store';
import { HistoryEntry, OrderRecord } from '../repositories/orders.repository';

/** The statuses that make up the kitchen's queue. */
export const KITCHEN_QUEUE_STATUSES: readonly OrderStatus[] = ['CONFIRMED', 'PREPARING'];

/** The statuses not in the queue yet whose estimate is as if the order joined its end now. */
const ENTERING_QUEUE_STATUSES: readonly OrderStatus[] = ['PENDING', 'AWAITING_PAYMENT'];

/** The statuses whose estimate needs the kitchen's queue (for the others it follows from the order and its history). */
export const QUEUE_ESTIMATED_STATUSES: readonly OrderStatus[] = [...KITCHEN_QUEUE_STATUSES, ...ENTERING_QUEUE_STATUSES];

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
  return snapshotOf(queue, capacity, now);
}

/** The estimates of a queue read elsewhere (e.g. with the order's view). */
export function snapshotOf(queue: QueuedTicket[], capacity: number | null, now: Date): KitchenSnapshot {
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
  if (!QUEUE_ESTIMATED_STATUSES.includes(order.status)) return estimateFrom(order, history, now);
  const kitchen = snapshot ?? (await kitchenSnapshot(repos, now, order.id));
  const workMinutes = ENTERING_QUEUE_STATUSES.includes(order.status) ? await repos.kitchen.workMinutes(order.id) : 0;
  return estimateFrom(order, history, now, { kitchen, workMinutes });
}

/**
 * estimateFor with what it reads already at hand: `queue` (the kitchen and the order's own work in minutes) is
 * needed for the statuses of QUEUE_ESTIMATED_STATUSES only.
 */
export function estimateFrom(order: OrderRecord, history: readonly HistoryEntry[] | undefined, now: Date, queue?: { kitchen: KitchenSnapshot; workMinutes: number }): Date | null {
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
    case 'PREPARING':
      return queue?.kitchen.estimates.get(order.id) ?? null;
    case 'PENDING':
    case 'AWAITING_PAYMENT': {
      if (!queue) return null;
      const tickets = [
        ...queue.kitchen.queue.filter((ticket) => ticket.orderId !== order.id),
        { orderId: order.id, customerId: order.customerId, preparingSince: null, queuedAt: now, workMinutes: queue.workMinutes },
      ];
      return estimateReadyTimes(tickets, queue.kitchen.capacity, now).get(order.id) ?? null;
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
