import { EntityManager } from 'typeorm';
import { returnedRows } from './returned-rows';

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
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO orders.idempotency_keys (customer_id, key, request_hash, order_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id, key) DO NOTHING RETURNING key`,
      [customerId, key, requestHash, orderId],
    );
    if (inserted.length > 0) return null;
    const rows: IdempotencyRecord[] = await this.manager.query(
      `SELECT request_hash AS "requestHash", order_id AS "orderId" FROM orders.idempotency_keys WHERE customer_id = $1 AND key = $2`,
      [customerId, key],
    );
    return rows[0] ?? null;
  }

  async deleteOlderThan(ttlSeconds: number): Promise<number> {
    const rows = returnedRows(await this.manager.query(`DELETE FROM orders.idempotency_keys WHERE created_at < now() - make_interval(secs => $1) RETURNING key`, [ttlSeconds]));
    return rows.length;
  }
}
