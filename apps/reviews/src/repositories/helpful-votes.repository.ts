import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';

/** Queries on `reviews.helpful_votes`; no rules. */
export class HelpfulVotesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records the vote; false when this customer had already voted for the review. */
  async add(reviewId: string, customerId: string): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `INSERT INTO reviews.helpful_votes (review_id, customer_id) VALUES ($1, $2) ON CONFLICT (review_id, customer_id) DO NOTHING RETURNING review_id`,
      [reviewId, customerId],
    );
    return rows.length === 1;
  }
}
