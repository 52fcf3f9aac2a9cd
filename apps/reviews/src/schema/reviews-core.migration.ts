import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified purchases (from order.completed), reviews with their moderation status and text
 * analysis, helpful votes, and the per-product rating aggregates. The aggregate's count is a
 * generated column, so it can never disagree with its own distribution. Timestamps that keyset
 * cursors use are millisecond precision so they round-trip through JS.
 */
export class ReviewsCore1795624907805 implements MigrationInterface {
  readonly name = 'ReviewsCore1795624907805';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reviews".verified_purchases (
      customer_id uuid NOT NULL,
      product_id uuid NOT NULL,
      order_id uuid NOT NULL,
      completed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (customer_id, product_id)
    )`);

    await queryRunner.query(`CREATE TABLE "reviews".reviews (
      id uuid PRIMARY KEY,
      product_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
      title text CHECK (char_length(title) BETWEEN 1 AND 200),
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
      status text NOT NULL CHECK (status IN ('published', 'held', 'hidden')),
      moderation_reason text,
      sentiment_label text NOT NULL CHECK (sentiment_label IN ('positive', 'negative', 'neutral')),
      sentiment_score double precision NOT NULL,
      key_phrases text[] NOT NULL DEFAULT '{}',
      language text NOT NULL,
      helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT reviews_one_per_product UNIQUE (customer_id, product_id)
    )`);
    // Public listings (every sort reads a product's published reviews) and the aggregate recompute.
    await queryRunner.query(`CREATE INDEX reviews_product_published_idx ON "reviews".reviews (product_id, created_at DESC, id DESC) WHERE status = 'published'`);
    // The moderation queue: by status, newest first.
    await queryRunner.query(`CREATE INDEX reviews_status_idx ON "reviews".reviews (status, created_at DESC, id DESC)`);

    await queryRunner.query(`CREATE TABLE "reviews".helpful_votes (
      review_id uuid NOT NULL REFERENCES "reviews".reviews (id) ON DELETE CASCADE,
      customer_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (review_id, customer_id)
    )`);

    await queryRunner.query(`CREATE TABLE "reviews".rating_aggregates (
      product_id uuid PRIMARY KEY,
      stars_1 integer NOT NULL DEFAULT 0 CHECK (stars_1 >= 0),
      stars_2 integer NOT NULL DEFAULT 0 CHECK (stars_2 >= 0),
      stars_3 integer NOT NULL DEFAULT 0 CHECK (stars_3 >= 0),
      stars_4 integer NOT NULL DEFAULT 0 CHECK (stars_4 >= 0),
      stars_5 integer NOT NULL DEFAULT 0 CHECK (stars_5 >= 0),
      review_count integer GENERATED ALWAYS AS (stars_1 + stars_2 + stars_3 + stars_4 + stars_5) STORED,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reviews".rating_aggregates`);
    await queryRunner.query(`DROP TABLE "reviews".helpful_votes`);
    await queryRunner.query(`DROP TABLE "reviews".reviews`);
    await queryRunner.query(`DROP TABLE "reviews".verified_purchases`);
  }
}
