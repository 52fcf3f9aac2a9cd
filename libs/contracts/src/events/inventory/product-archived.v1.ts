import { IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class ProductArchivedV1 {
  @IsUUID()
  productId!: string;
}

export const productArchivedV1 = defineEvent({
  type: 'product.archived',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: ['orders', 'gateway'],
  description: 'Staff deleted a product. It is archived rather than removed so that past orders and reviews still refer to ' + 'it; orders stops accepting new lines for it.',
  payload: ProductArchivedV1,
});
