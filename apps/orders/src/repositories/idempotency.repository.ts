import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';

export interface IdempotencyRecord {
  requestHash: string;
  orderId: string;
}

/** Queries on the idempotency keys of POST /api/orders; no rules. */
export class IdempotencyRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Claims `key` for the customer, or returns who holds it. A concurrent request with the same key waits on the
   * unique index until the first commits (then sees its row) or rolls back (then claims the key itself).
   */
  async claim(customerId: string, key: string, requestHash: string, orderId: string, ttlSeconds: number): Promise<IdempotencyRecord | null> {
    // A key older than its time to live is forgotten, so it may be used again.
    await this.manager.query(`DELETE FROM orders.idempotency_keys WHERE customer_id = $1 AND key = $2 AND created_at < now() - make_interval(secs => $3)`, [
      customerId,
      key,
      ttlSeconds,
    ]);
    const inserted = await queryRows<{ key: string }>(
      this.manager,
      `INSERT INTO orders.idempotency_keys (customer_id, key, request_hash, order_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id, key) DO NOTHING RETURNING key`,
      [customerId, key, requestHash, orderId],
    );
    if (inserted.length > 0) return null;
    return queryRow<IdempotencyRecord>(this.manager, `SELECT request_hash, order_id FROM orders.idempotency_keys WHERE customer_id = $1 AND key = $2`, [customerId, key]);
  }

  async deleteOlderThan(ttlSeconds: number): Promise<number> {
    const rows = await queryRows(this.manager, `DELETE FROM orders.idempotency_keys WHERE created_at < now() - make_interval(secs => $1) RETURNING key`, [ttlSeconds]);
    return rows.length;
  }
}
