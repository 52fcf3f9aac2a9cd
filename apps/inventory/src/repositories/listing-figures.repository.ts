import { EntityManager } from 'typeorm';

/** What a listing shows that changes without the listing changing: stock and the rating aggregate. */
export interface ListingFigures {
  id: string;
  onHand: number;
  reserved: number;
  ratingAverage: number;
  ratingCount: number;
}

/** Reads the current figures of listed products; no rules. */
export class ListingFiguresRepository {
  constructor(private readonly manager: EntityManager) {}

  ofProducts(ids: readonly string[]): Promise<ListingFigures[]> {
    return this.manager.query(
      `SELECT p.id, COALESCE(s.on_hand, 0) AS "onHand", COALESCE(s.reserved, 0) AS "reserved",
              p.rating_average::float8 AS "ratingAverage", p.rating_count AS "ratingCount"
         FROM inventory.products p LEFT JOIN inventory.stock_levels s ON s.product_id = p.id
        WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
