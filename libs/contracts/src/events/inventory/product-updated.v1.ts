import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';
import { ProductCreatedModifierGroupV1, ProductCreatedModifierOptionV1, ProductCreatedV1 } from './product-created.v1';

// The same fields as product.created (named apart so each contract reads on its own).
export class ProductUpdatedModifierOptionV1 extends ProductCreatedModifierOptionV1 {}

export class ProductUpdatedModifierGroupV1 extends ProductCreatedModifierGroupV1 {}

/** A full snapshot, not a patch: a read-model replaces its row with it. */
export class ProductUpdatedV1 extends ProductCreatedV1 {}

export const productUpdatedV1 = defineEvent({
  type: 'product.updated',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: ['orders', 'gateway'],
  description:
    'Staff changed a product. The payload is the full product after the change (not a patch), so orders replaces ' +
    'its catalog read-model row (an `onSale: false` product takes no new orders); orders placed earlier keep the ' +
    'prices they were placed with. The gateway passes on-sale changes to the availability stream.',
  payload: ProductUpdatedV1,
});
