import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { StockLevel } from '../domain/stock-level';

export interface LockedLevel extends StockLevel {
  archived: boolean;
  onSale: boolean;
}

export interface MovementRecord {
  id: string;
  productId: string;
  kind: 'adjustment' | 'sale' | 'return';
  delta: number;
  reason: string;
  actorId: string | null;
  orderId: string | null;
  onHandAfter: number;
  createdAt: Date;
}

export interface QuantityLine {
  productId: string;
  quantity: number;
}

const LEVEL = `l.product_id, l.on_hand, l.reserved, l.low_stock_threshold`;
const MOVEMENT = `id::text, product_id, kind, delta, reason, actor_id, order_id, on_hand_after, created_at`;

/**
 * Queries on `inventory.stock_levels` and `inventory.stock_movements`; no rules. Rows are always
 * locked in product id order so that concurrent transactions never wait on each other in a cycle.
 */
export class StockRepository {
  constructor(private readonly manager: EntityManager) {}

  async create(productId: string): Promise<void> {
    await this.manager.query(`INSERT INTO inventory.stock_levels (product_id) VALUES ($1)`, [productId]);
  }

  async find(productId: string): Promise<StockLevel | null> {
    return queryRow<StockLevel>(this.manager, `SELECT ${LEVEL} FROM inventory.stock_levels l WHERE l.product_id = $1`, [productId]);
  }

  /** Levels in product id order, after a product id (keyset). */
  list(options: { after?: string; limit: number }): Promise<StockLevel[]> {
    return options.after
      ? queryRows<StockLevel>(this.manager, `SELECT ${LEVEL} FROM inventory.stock_levels l WHERE l.product_id > $2 ORDER BY l.product_id LIMIT $1`, [options.limit, options.after])
      : queryRows<StockLevel>(this.manager, `SELECT ${LEVEL} FROM inventory.stock_levels l ORDER BY l.product_id LIMIT $1`, [options.limit]);
  }

  /** Locks the levels of these products, in product id order; unknown products are left out. */
  lockMany(productIds: readonly string[]): Promise<LockedLevel[]> {
    return queryRows<LockedLevel>(
      this.manager,
      `SELECT ${LEVEL}, (p.archived_at IS NOT NULL) AS archived, p.on_sale
         FROM inventory.stock_levels l JOIN inventory.products p ON p.id = l.product_id
        WHERE l.product_id = ANY($1::uuid[])
        ORDER BY l.product_id
        FOR UPDATE OF l`,
      [productIds],
    );
  }

  /** Adds (or with negative quantities removes) to `on_hand` and `reserved`; returns the new levels. */
  shift(lines: readonly QuantityLine[], change: { onHand: 1 | 0 | -1; reserved: 1 | 0 | -1 }): Promise<StockLevel[]> {
    return queryRows<StockLevel>(
      this.manager,
      `WITH changed AS (
         UPDATE inventory.stock_levels l
            SET on_hand = l.on_hand + $3 * c.quantity, reserved = l.reserved + $4 * c.quantity, updated_at = now()
           FROM unnest($1::uuid[], $2::int[]) AS c(product_id, quantity)
          WHERE l.product_id = c.product_id
         RETURNING ${LEVEL}
       ) SELECT * FROM changed ORDER BY product_id`,
      [lines.map((line) => line.productId), lines.map((line) => line.quantity), change.onHand, change.reserved],
    );
  }

  async setOnHand(productId: string, onHand: number): Promise<StockLevel> {
    const rows = await queryRows<StockLevel>(
      this.manager,
      `WITH changed AS (
         UPDATE inventory.stock_levels l SET on_hand = $2, updated_at = now() WHERE l.product_id = $1 RETURNING ${LEVEL}
       ) SELECT * FROM changed`,
      [productId, onHand],
    );
    return rows[0];
  }

  async setThreshold(productId: string, lowStockThreshold: number | null): Promise<StockLevel | null> {
    return queryRow<StockLevel>(
      this.manager,
      `WITH changed AS (
         UPDATE inventory.stock_levels l SET low_stock_threshold = $2, updated_at = now() WHERE l.product_id = $1 RETURNING ${LEVEL}
       ) SELECT * FROM changed`,
      [productId, lowStockThreshold],
    );
  }

  async addMovements(movements: readonly Omit<MovementRecord, 'id' | 'createdAt'>[]): Promise<void> {
    if (movements.length === 0) return;
    await this.manager.query(
      `INSERT INTO inventory.stock_movements (product_id, kind, delta, reason, actor_id, order_id, on_hand_after)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::uuid[], $6::uuid[], $7::int[])`,
      [
        movements.map((m) => m.productId),
        movements.map((m) => m.kind),
        movements.map((m) => m.delta),
        movements.map((m) => m.reason),
        movements.map((m) => m.actorId),
        movements.map((m) => m.orderId),
        movements.map((m) => m.onHandAfter),
      ],
    );
  }

  /** Newest first, before a movement id (keyset). */
  movements(productId: string, options: { before?: string; limit: number }): Promise<MovementRecord[]> {
    return options.before
      ? queryRows<MovementRecord>(this.manager, `SELECT ${MOVEMENT} FROM inventory.stock_movements WHERE product_id = $1 AND id < $3::bigint ORDER BY id DESC LIMIT $2`, [
          productId,
          options.limit,
          options.before,
        ])
      : queryRows<MovementRecord>(this.manager, `SELECT ${MOVEMENT} FROM inventory.stock_movements WHERE product_id = $1 ORDER BY id DESC LIMIT $2`, [productId, options.limit]);
  }
}
