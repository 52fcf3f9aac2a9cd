import { Injectable } from '@nestjs/common';
import { ProductCreatedV1 } from '@galley/contracts';
import { SqlExecutor } from '@galley/messaging';
import { OrdersStore } from '../repositories/orders-store';

/** Keeps the products orders can sell, with what pricing needs, from inventory's product events. */
@Injectable()
export class CatalogReadModelService {
  constructor(private readonly store: OrdersStore) {}

  async upsert(sql: SqlExecutor, product: ProductCreatedV1, occurredAt: Date): Promise<void> {
    await this.store.within(sql).catalog.upsert(
      {
        id: product.productId,
        name: product.name,
        price: { amount: product.price.amount, currency: product.price.currency },
        modifierGroups: product.modifierGroups.map((group) => ({
          id: group.id,
          name: group.name,
          minSelect: group.minSelect,
          maxSelect: group.maxSelect,
          options: group.options.map((option) => ({ id: option.id, name: option.name, priceDelta: { amount: option.priceDelta.amount, currency: option.priceDelta.currency } })),
        })),
      },
      occurredAt,
    );
  }

  async archive(sql: SqlExecutor, productId: string, occurredAt: Date): Promise<void> {
    await this.store.within(sql).catalog.archive(productId, occurredAt);
  }
}
