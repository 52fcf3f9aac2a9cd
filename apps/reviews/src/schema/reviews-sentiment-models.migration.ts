import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sentiment models retrained on the store's own reviews (`npm run reviews:retrain`). The service
 * analyses with the newest one; older rows stay as history and for rolling back by deleting.
 */
export class ReviewsSentimentModels1795624907806 implements MigrationInterface {
  readonly name = 'ReviewsSentimentModels1795624907806';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reviews".sentiment_models (
      id bigserial PRIMARY KEY,
      model jsonb NOT NULL,
      review_count integer NOT NULL CHECK (review_count >= 0),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reviews".sentiment_models`);
  }
}
