import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@galley/messaging';
import { ReviewsStore } from '../repositories/reviews-store';

/** Who bought what: the customers allowed to review each product. */
@Injectable()
export class VerifiedPurchasesService {
  constructor(private readonly store: ReviewsStore) {}

  /** Records a completed order's customer as a buyer of its products, in the consumer's transaction. */
  async recordCompletedOrder(tx: SqlExecutor, order: { orderId: string; customerId: string; productIds: readonly string[] }): Promise<void> {
    await this.store.within(tx).purchases.record(order.customerId, order.orderId, order.productIds);
  }
}
