import { HistoryEntry, OrderLineRecord, OrderRecord, OrderView, RefundRecord } from '../repositories/orders.repository';
import { estimateFrom, snapshotOf } from './kitchen-eta';

export interface OrderDetails {
  order: OrderRecord;
  lines: OrderLineRecord[];
  history: HistoryEntry[];
  refunds: RefundRecord[];
  /** The kitchen's estimate of when the order will be ready; null once it is finished. */
  estimatedReadyAt: Date | null;
}

/** An order's details from its view (read with QUEUE_ESTIMATED_STATUSES), the estimate as of `now`. */
export function detailsOf(view: OrderView, now: Date): OrderDetails {
  const { order, lines, history, refunds, kitchen } = view;
  const queue = kitchen ? { kitchen: snapshotOf(kitchen.queue, kitchen.capacity, now), workMinutes: kitchen.workMinutes } : undefined;
  return { order, lines, history, refunds, estimatedReadyAt: estimateFrom(order, history, now, queue) };
}
