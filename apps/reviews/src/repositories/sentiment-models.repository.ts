import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';

export interface StoredModel<M> {
  id: string;
  model: M;
  reviewCount: number;
  createdAt: Date;
}

/** Queries on `reviews.sentiment_models`; no rules. The model is stored as the JSON it serialises to. */
export class SentimentModelsRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(model: object, reviewCount: number): Promise<string> {
    const rows = await queryRows<{ id: string }>(this.manager, `INSERT INTO reviews.sentiment_models (model, review_count) VALUES ($1::jsonb, $2) RETURNING id::text`, [
      JSON.stringify(model),
      reviewCount,
    ]);
    return rows[0].id;
  }

  /** The id of the newest model (cheap: what the periodic check reads). */
  async newestId(): Promise<string | null> {
    const rows = await queryRows<{ id: string }>(this.manager, `SELECT id::text FROM reviews.sentiment_models ORDER BY id DESC LIMIT 1`);
    return rows[0]?.id ?? null;
  }

  async find<M>(id: string): Promise<StoredModel<M> | null> {
    return queryRow<StoredModel<M>>(this.manager, `SELECT id::text, model, review_count, created_at FROM reviews.sentiment_models WHERE id = $1`, [id]);
  }
}
