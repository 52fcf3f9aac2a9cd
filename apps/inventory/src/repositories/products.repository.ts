import { EntityManager } from 'typeorm';
import { isUniqueViolation } from './sql-rows';

export interface StoredModifierOption {
  id: string;
  name: string;
  priceDelta: { amount: number; currency: string };
}

export interface StoredModifierGroup {
  id: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  options: StoredModifierOption[];
}

export interface ProductFields {
  name: string;
  description: string;
  categoryId: string;
  priceAmount: number;
  currency: string;
  sku: string | null;
  tags: string[];
  modifierGroups: StoredModifierGroup[];
}

export interface ProductRecord extends ProductFields {
  id: string;
  archivedAt: Date | null;
  createdAt: Date;
  onHand: number;
  reserved: number;
}

const COLUMNS = `p.id, p.name, p.description, p.category_id AS "categoryId", p.price_amount::float8 AS "priceAmount",
  p.currency, p.sku, p.tags, p.modifier_groups AS "modifierGroups", p.archived_at AS "archivedAt",
  p.created_at AS "createdAt", COALESCE(s.on_hand, 0) AS "onHand", COALESCE(s.reserved, 0) AS "reserved"`;
const FROM = `inventory.products p LEFT JOIN inventory.stock_levels s ON s.product_id = p.id`;

export type SaveResult = { ok: true } | { ok: false; conflict: 'sku' };

/** Queries on `inventory.products` (with the stock level joined for reads); no rules. */
export class ProductsRepository {
  constructor(private readonly manager: EntityManager) {}

  async findById(id: string): Promise<ProductRecord | null> {
    const rows: ProductRecord[] = await this.manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Locks the product row for a change in this transaction. */
  async lockById(id: string): Promise<ProductRecord | null> {
    const rows: ProductRecord[] = await this.manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1 FOR UPDATE OF p`, [id]);
    return rows[0] ?? null;
  }

  /** Live products oldest first, after the keyset position, optionally within some categories. */
  listActive(options: { categoryIds?: string[]; after?: { createdAt: Date; id: string }; limit: number }): Promise<ProductRecord[]> {
    const params: unknown[] = [options.limit];
    const where = ['p.archived_at IS NULL'];
    if (options.categoryIds) {
      params.push(options.categoryIds);
      where.push(`p.category_id = ANY($${params.length}::uuid[])`);
    }
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      where.push(`(p.created_at, p.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    return this.manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY p.created_at, p.id LIMIT $1`, params);
  }

  async insert(id: string, fields: ProductFields): Promise<SaveResult> {
    try {
      await this.manager.query(
        `INSERT INTO inventory.products (id, name, description, category_id, price_amount, currency, sku, tags, modifier_groups)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, fields.name, fields.description, fields.categoryId, fields.priceAmount, fields.currency, fields.sku, fields.tags, JSON.stringify(fields.modifierGroups)],
      );
      return { ok: true };
    } catch (error) {
      if (isUniqueViolation(error, 'products_sku_key')) return { ok: false, conflict: 'sku' };
      throw error;
    }
  }

  async update(id: string, fields: ProductFields): Promise<SaveResult> {
    try {
      await this.manager.query(
        `UPDATE inventory.products SET name = $2, description = $3, category_id = $4, price_amount = $5, currency = $6, sku = $7,
           tags = $8, modifier_groups = $9, updated_at = now()
         WHERE id = $1`,
        [id, fields.name, fields.description, fields.categoryId, fields.priceAmount, fields.currency, fields.sku, fields.tags, JSON.stringify(fields.modifierGroups)],
      );
      return { ok: true };
    } catch (error) {
      if (isUniqueViolation(error, 'products_sku_key')) return { ok: false, conflict: 'sku' };
      throw error;
    }
  }

  async archive(id: string): Promise<void> {
    await this.manager.query(`UPDATE inventory.products SET archived_at = now(), updated_at = now() WHERE id = $1 AND archived_at IS NULL`, [id]);
  }
}
