import { EntityManager } from 'typeorm';

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
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO reviews.sentiment_models (model, review_count) VALUES ($1::jsonb, $2) RETURNING id::text`,
      [JSON.stringify(model), reviewCount],
    );
    return rows[0].id;
  }

  /** The id of the newest model (cheap: what the periodic check reads). */
  async newestId(): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(`SELECT id::text FROM reviews.sentiment_models ORDER BY id DESC LIMIT 1`);
    return rows[0]?.id ?? null;
  }

  async find<M>(id: string): Promise<StoredModel<M> | null> {
    const rows: StoredModel<M>[] = await this.manager.query(
      `SELECT id::text, model, review_count AS "reviewCount", created_at AS "createdAt" FROM reviews.sentiment_models WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
