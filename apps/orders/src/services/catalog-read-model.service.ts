import { Injectable } from '@nestjs/common';
import { ProductCreatedV1 } from '@galley/contracts';
import { SqlExecutor } from '@galley/messaging';
import { DEFAULT_PREPARATION_MINUTES } from '../domain/pricing';
import { OrdersStore } from '../repositories/orders-store';

/** Keeps the products orders can sell, with what pricing needs (and on-sale, preparation time), from inventory's product events. */
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
        // Events from before these fields existed: on sale, the default preparation time.
        onSale: product.onSale ?? true,
        preparationMinutes: product.preparationMinutes ?? DEFAULT_PREPARATION_MINUTES,
      },
      occurredAt,
    );
  }

  async archive(sql: SqlExecutor, productId: string, occurredAt: Date): Promise<void> {
    await this.store.within(sql).catalog.archive(productId, occurredAt);
  }
}
