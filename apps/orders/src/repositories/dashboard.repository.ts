import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';

export interface DayTotals {
  orders: number;
  revenue: number;
  averageConfirmedToReadySeconds: number | null;
}

export interface TopItem {
  productId: string;
  name: string;
  quantity: number;
}

/**
 * The numbers of one calendar day in the store's time zone, over the orders placed that day that were paid; no
 * rules. `$1` is the date (YYYY-MM-DD), `$2` the IANA time zone.
 */
const PAID_THAT_DAY = `
  WITH bounds AS (SELECT ($1::date)::timestamp AT TIME ZONE $2 AS start, (($1::date) + 1)::timestamp AT TIME ZONE $2 AS stop),
  counted AS (
    SELECT o.* FROM orders.orders o, bounds b WHERE o.created_at >= b.start AND o.created_at < b.stop AND o.paid_amount > 0
  )`;

/** Queries for the staff dashboard; no rules. */
export class DashboardRepository {
  constructor(private readonly manager: EntityManager) {}

  async totals(date: string, timeZone: string): Promise<DayTotals> {
    const [row] = await queryRows<{ orders: number; revenue: number; averageSeconds: number | null }>(
      this.manager,
      `${PAID_THAT_DAY}
       SELECT count(*)::int AS orders, COALESCE(sum(c.paid_amount - c.refunded_amount), 0)::bigint AS revenue,
              (SELECT avg(extract(epoch FROM r.at - f.at))::float8
                 FROM counted k
                 JOIN LATERAL (SELECT min(at) AS at FROM orders.order_status_history WHERE order_id = k.id AND status = 'CONFIRMED') f ON f.at IS NOT NULL
                 JOIN LATERAL (SELECT min(at) AS at FROM orders.order_status_history WHERE order_id = k.id AND status = 'READY') r ON r.at IS NOT NULL
              ) AS average_seconds
         FROM counted c`,
      [date, timeZone],
    );
    return { orders: row.orders, revenue: row.revenue, averageConfirmedToReadySeconds: row.averageSeconds === null ? null : Math.round(row.averageSeconds) };
  }

  topItems(date: string, timeZone: string, limit: number): Promise<TopItem[]> {
    return queryRows<TopItem>(
      this.manager,
      `${PAID_THAT_DAY}
       SELECT l.product_id, max(l.name) AS name, sum(l.quantity) AS quantity
         FROM orders.order_lines l JOIN counted c ON c.id = l.order_id
        GROUP BY l.product_id ORDER BY sum(l.quantity) DESC, max(l.name), l.product_id LIMIT $3`,
      [date, timeZone, limit],
    );
  }

  /** Orders per hour of the store's day (hours without orders are left out). */
  ordersByHour(date: string, timeZone: string): Promise<Array<{ hour: number; orders: number }>> {
    return queryRows(
      this.manager,
      `${PAID_THAT_DAY}
       SELECT extract(hour FROM c.created_at AT TIME ZONE $2)::int AS hour, count(*)::int AS orders FROM counted c GROUP BY 1 ORDER BY 1`,
      [date, timeZone],
    );
  }
}
