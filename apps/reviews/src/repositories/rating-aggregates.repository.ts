import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { RatingDistribution } from '../domain/rating-aggregate';

const DISTRIBUTION = `stars_1 AS "1", stars_2 AS "2", stars_3 AS "3", stars_4 AS "4", stars_5 AS "5"`;

/** Queries on `reviews.rating_aggregates`; no rules. */
export class RatingAggregatesRepository {
  constructor(private readonly manager: EntityManager) {}

  async find(productId: string): Promise<RatingDistribution | null> {
    return queryRow<RatingDistribution>(this.manager, `SELECT ${DISTRIBUTION} FROM reviews.rating_aggregates WHERE product_id = $1`, [productId]);
  }

  /**
   * The product's aggregate row, created empty when missing and locked until the transaction
   * ends: every writer of a product's rating takes this lock first, so two reviews written at
   * once are counted one after the other, never over each other.
   */
  async lock(productId: string): Promise<RatingDistribution> {
    await this.manager.query(`INSERT INTO reviews.rating_aggregates (product_id) VALUES ($1) ON CONFLICT (product_id) DO NOTHING`, [productId]);
    const rows = await queryRows<RatingDistribution>(this.manager, `SELECT ${DISTRIBUTION} FROM reviews.rating_aggregates WHERE product_id = $1 FOR UPDATE`, [productId]);
    return rows[0];
  }

  async save(productId: string, distribution: RatingDistribution): Promise<void> {
    await this.manager.query(
      `UPDATE reviews.rating_aggregates
          SET stars_1 = $2, stars_2 = $3, stars_3 = $4, stars_4 = $5, stars_5 = $6, updated_at = now()
        WHERE product_id = $1`,
      [productId, distribution['1'], distribution['2'], distribution['3'], distribution['4'], distribution['5']],
    );
  }

  /** Every product that has an aggregate or a review, in id order (what a full recompute walks). */
  async productIds(): Promise<string[]> {
    const rows = await queryRows<{ productId: string }>(
      this.manager,
      `SELECT product_id FROM reviews.rating_aggregates UNION SELECT product_id FROM reviews.reviews ORDER BY product_id`,
    );
    return rows.map((row) => row.productId);
  }
}
