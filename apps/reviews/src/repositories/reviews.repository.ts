import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { ReviewStatus } from '../domain/moderation';
import { ReviewPosition, ReviewSort } from '../domain/review-listing';
import { SentimentLabel } from '../domain/review-insights';

export interface ReviewRecord {
  id: string;
  productId: string;
  customerId: string;
  rating: number;
  title: string | null;
  body: string;
  status: ReviewStatus;
  moderationReason: string | null;
  sentimentLabel: SentimentLabel;
  sentimentScore: number;
  keyPhrases: string[];
  language: string;
  helpfulCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a write sets (the rest are kept or defaulted by the database). */
export type ReviewFields = Pick<ReviewRecord, 'rating' | 'title' | 'body' | 'status' | 'moderationReason' | 'sentimentLabel' | 'sentimentScore' | 'keyPhrases' | 'language'>;

export interface TrainingReview {
  rating: number;
  title: string | null;
  body: string;
}

const REVIEW = `r.id, r.product_id, r.customer_id, r.rating, r.title, r.body, r.status, r.moderation_reason, r.sentiment_label,
  r.sentiment_score, r.key_phrases, r.language, r.helpful_count, r.created_at, r.updated_at`;

/** The SQL of each sort's rank (see rankOf); fixed strings, never client input. */
const RANK_SQL: Record<ReviewSort, string> = {
  newest: '0::int',
  highest: 'r.rating::int',
  lowest: '-r.rating',
  helpful: 'r.helpful_count',
};

/** Queries on `reviews.reviews`; no rules. */
export class ReviewsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts the review; null when the customer already reviewed the product (also under a race). */
  async insert(review: { id: string; productId: string; customerId: string } & ReviewFields): Promise<ReviewRecord | null> {
    return queryRow<ReviewRecord>(
      this.manager,
      `WITH inserted AS (
         INSERT INTO reviews.reviews AS r (id, product_id, customer_id, rating, title, body, status, moderation_reason,
                                           sentiment_label, sentiment_score, key_phrases, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT ON CONSTRAINT reviews_one_per_product DO NOTHING
         RETURNING ${REVIEW}
       ) SELECT * FROM inserted`,
      [review.id, review.productId, review.customerId, ...this.fieldValues(review)],
    );
  }

  async find(id: string): Promise<ReviewRecord | null> {
    return queryRow<ReviewRecord>(this.manager, `SELECT ${REVIEW} FROM reviews.reviews r WHERE r.id = $1`, [id]);
  }

  /** The review, locked until the transaction ends (edits, deletes and moderation serialise on it). */
  async lock(id: string): Promise<ReviewRecord | null> {
    return queryRow<ReviewRecord>(this.manager, `SELECT ${REVIEW} FROM reviews.reviews r WHERE r.id = $1 FOR UPDATE`, [id]);
  }

  /**
   * The review, kept from being deleted or re-moderated until the transaction ends. KEY SHARE
   * still lets concurrent voters bump its helpful count, so they do not deadlock on each other.
   */
  async lockAgainstRemoval(id: string): Promise<ReviewRecord | null> {
    return queryRow<ReviewRecord>(this.manager, `SELECT ${REVIEW} FROM reviews.reviews r WHERE r.id = $1 FOR KEY SHARE`, [id]);
  }

  async update(id: string, fields: ReviewFields): Promise<ReviewRecord> {
    const rows = await queryRows<ReviewRecord>(
      this.manager,
      `WITH changed AS (
         UPDATE reviews.reviews r
            SET rating = $2, title = $3, body = $4, status = $5, moderation_reason = $6, sentiment_label = $7,
                sentiment_score = $8, key_phrases = $9, language = $10, updated_at = now()
          WHERE r.id = $1
         RETURNING ${REVIEW}
       ) SELECT * FROM changed`,
      [id, ...this.fieldValues(fields)],
    );
    return rows[0];
  }

  async setStatus(id: string, status: ReviewStatus, reason: string | null): Promise<ReviewRecord> {
    const rows = await queryRows<ReviewRecord>(
      this.manager,
      `WITH changed AS (
         UPDATE reviews.reviews r SET status = $2, moderation_reason = $3, updated_at = now() WHERE r.id = $1 RETURNING ${REVIEW}
       ) SELECT * FROM changed`,
      [id, status, reason],
    );
    return rows[0];
  }

  async delete(id: string): Promise<void> {
    await this.manager.query(`DELETE FROM reviews.reviews WHERE id = $1`, [id]);
  }

  /** Adds one helpful vote to the count; returns the new count. */
  async incrementHelpful(id: string): Promise<number> {
    const rows = await queryRows<{ helpfulCount: number }>(
      this.manager,
      `WITH changed AS (UPDATE reviews.reviews SET helpful_count = helpful_count + 1 WHERE id = $1 RETURNING helpful_count) SELECT * FROM changed`,
      [id],
    );
    return rows[0].helpfulCount;
  }

  /** A product's published reviews in one sort's order (rank, newest, id; all descending), after a position. */
  listPublished(productId: string, sort: ReviewSort, after: ReviewPosition | undefined, limit: number): Promise<ReviewRecord[]> {
    const rank = RANK_SQL[sort];
    const params: unknown[] = [productId, limit];
    let keyset = '';
    if (after) {
      params.push(after.rank, after.createdAt, after.id);
      keyset = `AND (${rank}, r.created_at, r.id) < ($3::int, $4::timestamptz, $5::uuid)`;
    }
    return queryRows<ReviewRecord>(
      this.manager,
      `SELECT ${REVIEW} FROM reviews.reviews r
        WHERE r.product_id = $1 AND r.status = 'published' ${keyset}
        ORDER BY ${rank} DESC, r.created_at DESC, r.id DESC
        LIMIT $2`,
      params,
    );
  }

  /** Reviews of any status (or one), of any product (or one), newest first, after a position. */
  listForModeration(filter: { status?: ReviewStatus; productId?: string }, after: ReviewPosition | undefined, limit: number): Promise<ReviewRecord[]> {
    return queryRows<ReviewRecord>(
      this.manager,
      `SELECT ${REVIEW} FROM reviews.reviews r
        WHERE ($2::text IS NULL OR r.status = $2) AND ($3::uuid IS NULL OR r.product_id = $3)
          AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4::timestamptz, $5::uuid))
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $1`,
      [limit, filter.status ?? null, filter.productId ?? null, after?.createdAt ?? null, after?.id ?? null],
    );
  }

  /** How many published reviews of the product gave each rating. */
  publishedRatingCounts(productId: string): Promise<{ rating: number; count: number }[]> {
    return queryRows<{ rating: number; count: number }>(
      this.manager,
      `SELECT rating, count(*)::int AS count FROM reviews.reviews WHERE product_id = $1 AND status = 'published' GROUP BY rating`,
      [productId],
    );
  }

  /** Every published review of the product, oldest first (what the insights report reads). */
  publishedOf(productId: string): Promise<ReviewRecord[]> {
    return queryRows<ReviewRecord>(this.manager, `SELECT ${REVIEW} FROM reviews.reviews r WHERE r.product_id = $1 AND r.status = 'published' ORDER BY r.created_at, r.id`, [
      productId,
    ]);
  }

  /** The store's published reviews, what a retrained sentiment model learns from. */
  publishedForTraining(): Promise<TrainingReview[]> {
    return queryRows<TrainingReview>(this.manager, `SELECT rating, title, body FROM reviews.reviews WHERE status = 'published' ORDER BY created_at, id`);
  }

  private fieldValues(fields: ReviewFields): unknown[] {
    return [fields.rating, fields.title, fields.body, fields.status, fields.moderationReason, fields.sentimentLabel, fields.sentimentScore, fields.keyPhrases, fields.language];
  }
}
