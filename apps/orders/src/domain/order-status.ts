/** Every status an order can be in (the brief's list; the event contracts carry the same names). */
export const ORDER_STATUSES = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'READY', 'COMPLETED', 'CANCELLED', 'REJECTED', 'NEEDS_ATTENTION'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Who causes a change: the saga (an event from inventory or payments), the customer, or staff.
 * The table says which of them may make each move.
 */
export type TransitionActor = 'saga' | 'customer' | 'staff';

type TransitionTable = Readonly<Partial<Record<OrderStatus, Readonly<Partial<Record<OrderStatus, readonly TransitionActor[]>>>>>>;

/**
 * The order state machine, the one place that decides every status change.
 * - The saga moves an order through reservation and payment, and cancels or flags it when a step fails.
 * - Customers cancel until the kitchen starts (`PREPARING`); staff may too.
 * - Staff run the kitchen queue (`CONFIRMED → PREPARING → READY → COMPLETED`) and settle flagged orders.
 * - `NEEDS_ATTENTION` is reachable from any status where money was or may have been taken, because a dispute, a
 *   late payment or a failed refund can arrive at any time, days late.
 */
export const ORDER_TRANSITIONS: TransitionTable = {
  PENDING: { AWAITING_PAYMENT: ['saga'], REJECTED: ['saga'], CANCELLED: ['customer', 'staff'] },
  AWAITING_PAYMENT: { CONFIRMED: ['saga'], CANCELLED: ['saga', 'customer', 'staff'], NEEDS_ATTENTION: ['saga'] },
  CONFIRMED: { PREPARING: ['staff'], CANCELLED: ['customer', 'staff'], NEEDS_ATTENTION: ['saga'] },
  PREPARING: { READY: ['staff'], NEEDS_ATTENTION: ['saga'] },
  READY: { COMPLETED: ['staff'], NEEDS_ATTENTION: ['saga'] },
  COMPLETED: { NEEDS_ATTENTION: ['saga'] },
  CANCELLED: { NEEDS_ATTENTION: ['saga'] },
  REJECTED: { NEEDS_ATTENTION: ['saga'] },
  NEEDS_ATTENTION: { CANCELLED: ['staff'], COMPLETED: ['staff'] },
};

/** Statuses the order never leaves on its own: the saga is finished (staff may still settle `NEEDS_ATTENTION`). */
export const FINAL_STATUSES: readonly OrderStatus[] = ['COMPLETED', 'CANCELLED', 'REJECTED', 'NEEDS_ATTENTION'];

/** Orders that occupy the kitchen: counted against the store's capacity. */
export const ACTIVE_STATUSES: readonly OrderStatus[] = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'READY'];

/** The statuses from which `actor` may move an order to `to`, in the order of ORDER_STATUSES: read from the table. */
export function statusesLeadingTo(to: OrderStatus, actor: TransitionActor): readonly OrderStatus[] {
  return ORDER_STATUSES.filter((from) => ORDER_TRANSITIONS[from]?.[to]?.includes(actor) ?? false);
}

/**
 * Until the kitchen starts, an order can be cancelled (and a paid one refunded): where the table lets a customer
 * cancel. Staff may also cancel a flagged order, but that is settling it, not this rule.
 */
export const CANCELLABLE_STATUSES: readonly OrderStatus[] = statusesLeadingTo('CANCELLED', 'customer');

/** "A, B or C", for messages and documentation that name a set of statuses. */
export function listStatuses(statuses: readonly OrderStatus[]): string {
  return statuses.length <= 1 ? statuses.join('') : `${statuses.slice(0, -1).join(', ')} or ${statuses[statuses.length - 1]}`;
}

export type TransitionResult = { allowed: true } | { allowed: false; reason: string };

/** Whether `actor` may move an order from `from` to `to`. */
export function transition(from: OrderStatus, to: OrderStatus, actor: TransitionActor): TransitionResult {
  const actors = ORDER_TRANSITIONS[from]?.[to];
  if (!actors) return { allowed: false, reason: `an order cannot go from ${from} to ${to}` };
  if (!actors.includes(actor)) return { allowed: false, reason: `${describeActor(actor)} cannot move an order from ${from} to ${to}` };
  return { allowed: true };
}

function describeActor(actor: TransitionActor): string {
  switch (actor) {
    case 'saga':
      return 'the checkout saga';
    case 'customer':
      return 'a customer';
    case 'staff':
      return 'staff';
  }
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}
