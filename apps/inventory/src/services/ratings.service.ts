import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { SqlExecutor } from '@galley/messaging';
import { InventoryStore } from '../repositories/inventory-store';

export interface RatingChange {
  productId: string;
  average: number;
  count: number;
  /** When reviews computed the aggregate (the event's occurredAt). */
  occurredAt: Date;
}

/**
 * The reviews read-model on products: each product keeps the latest rating aggregate reviews
 * announced. An aggregate older than the stored one is ignored, so a late redelivery (or a
 * dead letter replayed days later) cannot move a rating backwards.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly store: InventoryStore,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RatingsService.name);
  }

  async apply(sql: SqlExecutor, change: RatingChange): Promise<'applied' | 'stale' | 'unknown'> {
    const outcome = await this.store.within(sql).products.applyRating(change.productId, {
      average: change.average,
      count: change.count,
      changedAt: change.occurredAt,
    });
    // Reviews only exist for products a customer ordered, so inventory always knows them first; an
    // unknown id is another environment's product (or a hand-made event) and is only logged.
    if (outcome === 'unknown') this.logger.warn({ productId: change.productId }, 'rating for an unknown product ignored');
    return outcome;
  }
}
