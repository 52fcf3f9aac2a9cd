import type { OrderStatus, OrderSummary } from '../api/admin-client';

/** The statuses the kitchen board shows, in column order. */
export const BOARD_COLUMNS = ['CONFIRMED', 'PREPARING', 'READY', 'COMPLETED'] as const;
export type BoardStatus = (typeof BOARD_COLUMNS)[number];

export const COLUMN_TITLES: Record<BoardStatus, string> = {
  CONFIRMED: 'New',
  PREPARING: 'Preparing',
  READY: 'Ready',
  COMPLETED: 'Completed',
};

/** How many completed tickets stay on the board (the newest). */
export const RECENT_COMPLETED = 8;

export function isBoardStatus(status: string): status is BoardStatus {
  return (BOARD_COLUMNS as readonly string[]).includes(status);
}

/** One order as the board knows it: its latest status and when that was learnt. */
export type Ticket = {
  id: string;
  status: OrderStatus;
  /** Position in the order's history of the last status seen on the stream (0: from a list). */
  sequence: number;
  /** When the order reached its current status (ISO). */
  statusAt: string;
  createdAt: string;
  fulfillment?: OrderSummary['fulfillment'];
};

export type BoardState = Readonly<Record<string, Ticket>>;

/** A status change on the admin order stream (`event: status`). */
export type StatusEvent = { orderId: string; sequence: number; status: OrderStatus; at: string; reason?: string };

/**
 * Merges a fresh list (initial load, or the refetch after a reconnect) into the board. The list
 * wins over what the board knew unless the board saw a later change on the stream meanwhile.
 * Orders the lists no longer contain in a board status keep only if the stream moved them after
 * the snapshot was taken (`snapshotAt`).
 */
export function mergeSnapshot(state: BoardState, orders: readonly OrderSummary[], snapshotAt: string): BoardState {
  const next: Record<string, Ticket> = {};
  const listed = new Set(orders.map((o) => o.id));
  for (const [id, ticket] of Object.entries(state)) {
    if (!listed.has(id) && ticket.statusAt > snapshotAt) next[id] = ticket;
  }
  for (const order of orders) {
    const known = state[order.id];
    if (known && known.statusAt > order.updatedAt) {
      next[order.id] = { ...known, fulfillment: known.fulfillment ?? order.fulfillment, createdAt: order.createdAt };
      continue;
    }
    next[order.id] = {
      id: order.id,
      status: order.status,
      sequence: known?.sequence ?? 0,
      statusAt: order.updatedAt,
      createdAt: order.createdAt,
      fulfillment: order.fulfillment,
    };
  }
  return next;
}

/**
 * Applies one stream event. Events of one order can arrive twice (replay after a reconnect) or
 * late; a lower or equal sequence than the one already applied changes nothing.
 */
export function applyEvent(state: BoardState, event: StatusEvent): BoardState {
  const known = state[event.orderId];
  if (known && known.sequence >= event.sequence && known.sequence > 0) return state;
  if (known && known.sequence === 0 && known.statusAt > event.at) return state;
  return {
    ...state,
    [event.orderId]: {
      id: event.orderId,
      status: event.status,
      sequence: event.sequence,
      statusAt: event.at,
      createdAt: known?.createdAt ?? event.at,
      ...(known?.fulfillment ? { fulfillment: known.fulfillment } : {}),
    },
  };
}

export type Columns = Record<BoardStatus, Ticket[]>;

/**
 * Tickets per column: the kitchen works oldest first, so active columns list the longest
 * waiting on top; completed lists the newest first and only the last few.
 */
export function groupColumns(tickets: readonly Ticket[], statusOf: (t: Ticket) => OrderStatus = (t) => t.status): Columns {
  const columns: Columns = { CONFIRMED: [], PREPARING: [], READY: [], COMPLETED: [] };
  for (const ticket of tickets) {
    const status = statusOf(ticket);
    if (isBoardStatus(status)) columns[status].push(ticket);
  }
  for (const status of ['CONFIRMED', 'PREPARING', 'READY'] as const) {
    columns[status].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
  columns.COMPLETED.sort((a, b) => b.statusAt.localeCompare(a.statusAt));
  columns.COMPLETED = columns.COMPLETED.slice(0, RECENT_COMPLETED);
  return columns;
}

/** What one tap on a ticket does, by its status. */
export const FORWARD: Partial<Record<OrderStatus, { to: OrderStatus; verb: string }>> = {
  CONFIRMED: { to: 'PREPARING', verb: 'Start preparing' },
  PREPARING: { to: 'READY', verb: 'Mark ready' },
  READY: { to: 'COMPLETED', verb: 'Complete' },
};

const ORDER_OF_PROGRESS: readonly OrderStatus[] = ['CONFIRMED', 'PREPARING', 'READY', 'COMPLETED'];

/** Whether `status` is `target` or further along the kitchen's path (a 409 for an order already there is a success). */
export function isAtOrPast(status: OrderStatus, target: OrderStatus): boolean {
  const a = ORDER_OF_PROGRESS.indexOf(status);
  const b = ORDER_OF_PROGRESS.indexOf(target);
  return a >= 0 && b >= 0 && a >= b;
}

/** "BE6838": the first six characters of the id, as printed on the ticket and said by buttons. */
export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(0, 6).toUpperCase();
}
