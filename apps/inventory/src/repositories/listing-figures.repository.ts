import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';

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
    return queryRows<ListingFigures>(
      this.manager,
      `SELECT p.id, COALESCE(s.on_hand, 0) AS on_hand, COALESCE(s.reserved, 0) AS reserved,
              p.rating_average::float8 AS rating_average, p.rating_count
         FROM inventory.products p LEFT JOIN inventory.stock_levels s ON s.product_id = p.id
        WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
