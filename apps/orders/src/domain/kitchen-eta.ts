/** Minutes per item when the catalog read-model does not know the product's preparation time. */
export const DEFAULT_PREPARATION_MINUTES = 10;

/** One order in (or entering) the kitchen's queue. */
export interface KitchenTicket {
  orderId: string;
  /** PREPARING tickets are on the stove since `preparingSince`; the others wait their turn. */
  preparingSince: Date | null;
  /** When the order joined the queue (confirmed); waiting tickets are served first come, first served. */
  queuedAt: Date;
  /** Σ quantity × preparation minutes over the order's lines. */
  workMinutes: number;
}

/** One line as the estimator needs it. */
export interface TicketLine {
  quantity: number;
  preparationMinutes: number | null;
}

const MINUTE_MS = 60_000;

/** The kitchen work of an order: each item's preparation time, one after the other (unknown products count 10 minutes). */
export function workMinutesOf(lines: readonly TicketLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * (line.preparationMinutes ?? DEFAULT_PREPARATION_MINUTES), 0);
}

/**
 * When each ticket of the queue should be ready. The kitchen works on at most `capacity` tickets at once (null:
 * no limit, every ticket is prepared in parallel) and on each ticket for its `workMinutes`. Tickets being prepared
 * keep their place and finish `workMinutes` after they started (never before `now`: a late ticket is due now);
 * waiting tickets start, in the order they were queued, as soon as a place is free (never before `now`).
 * More tickets in preparation than the capacity (staff started them anyway) simply delay the waiting ones.
 */
export function estimateReadyTimes(queue: readonly KitchenTicket[], capacity: number | null, now: Date): Map<string, Date> {
  const at = now.getTime();
  const estimates = new Map<string, Date>();
  const preparing = queue.filter((ticket) => ticket.preparingSince !== null);
  const waiting = queue.filter((ticket) => ticket.preparingSince === null).sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.orderId.localeCompare(b.orderId));
  // Finish times of the tickets on the stove, earliest first.
  const running: number[] = [];
  for (const ticket of preparing) {
    const finish = Math.max(at, ticket.preparingSince!.getTime() + ticket.workMinutes * MINUTE_MS);
    estimates.set(ticket.orderId, new Date(finish));
    running.push(finish);
  }
  running.sort((a, b) => a - b);
  for (const ticket of waiting) {
    let start = at;
    if (capacity !== null) {
      // Wait for places to free up until fewer than `capacity` tickets are still cooking.
      while (running.length >= capacity) start = Math.max(start, running.shift()!);
    }
    const finish = start + ticket.workMinutes * MINUTE_MS;
    estimates.set(ticket.orderId, new Date(finish));
    insertSorted(running, finish);
  }
  return estimates;
}

function insertSorted(values: number[], value: number): void {
  let index = values.length;
  while (index > 0 && values[index - 1] > value) index--;
  values.splice(index, 0, value);
}
