import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';

/** Queries on `reviews.verified_purchases`; no rules. */
export class VerifiedPurchasesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records the customer as a buyer of each product; the first completed order is kept. */
  async record(customerId: string, orderId: string, productIds: readonly string[]): Promise<void> {
    await this.manager.query(
      `INSERT INTO reviews.verified_purchases (customer_id, product_id, order_id)
       SELECT $1, product_id, $2 FROM unnest($3::uuid[]) AS p(product_id)
       ON CONFLICT (customer_id, product_id) DO NOTHING`,
      [customerId, orderId, [...new Set(productIds)]],
    );
  }

  async exists(customerId: string, productId: string): Promise<boolean> {
    const rows = await queryRows(this.manager, `SELECT 1 FROM reviews.verified_purchases WHERE customer_id = $1 AND product_id = $2`, [customerId, productId]);
    return rows.length > 0;
  }
}
