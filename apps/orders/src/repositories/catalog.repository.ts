import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';
import { CatalogProduct } from '../domain/pricing';

/** Queries on the catalog read-model kept from inventory's product events; no rules. */
export class CatalogRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Replaces the product's row unless the stored one comes from a later event (events may arrive late). */
  async upsert(product: Omit<CatalogProduct, 'archived'>, occurredAt: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO orders.catalog_products (id, name, price_amount, currency, modifier_groups, archived, on_sale, preparation_minutes, source_occurred_at)
       VALUES ($1, $2, $3, $4, $5, false, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, price_amount = EXCLUDED.price_amount, currency = EXCLUDED.currency,
         modifier_groups = EXCLUDED.modifier_groups, on_sale = EXCLUDED.on_sale, preparation_minutes = EXCLUDED.preparation_minutes,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE orders.catalog_products.source_occurred_at <= EXCLUDED.source_occurred_at AND NOT orders.catalog_products.archived`,
      [product.id, product.name, product.price.amount, product.price.currency, JSON.stringify(product.modifierGroups), product.onSale, product.preparationMinutes, occurredAt],
    );
  }

  /** Archiving is final: a product.updated that arrives after it does not bring the product back. */
  async archive(productId: string, occurredAt: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO orders.catalog_products (id, name, price_amount, currency, modifier_groups, archived, source_occurred_at)
       VALUES ($1, '', 0, 'XXX', '[]', true, $2)
       ON CONFLICT (id) DO UPDATE SET archived = true, source_occurred_at = GREATEST(orders.catalog_products.source_occurred_at, EXCLUDED.source_occurred_at)`,
      [productId, occurredAt],
    );
  }

  async findMany(ids: readonly string[]): Promise<Map<string, CatalogProduct>> {
    const rows = await queryRows<Omit<CatalogProduct, 'price'> & { priceAmount: number; currency: string }>(
      this.manager,
      `SELECT id, name, price_amount, currency, modifier_groups, archived, on_sale, preparation_minutes
         FROM orders.catalog_products WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map(({ priceAmount, currency, ...row }) => [row.id, { ...row, price: { amount: priceAmount, currency } }]));
  }
}
