import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { productArchivedV1, ProductArchivedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { CatalogReadModelService } from '../services/catalog-read-model.service';

/** product.archived → no new order line may use the product. */
@Controller()
export class ProductArchivedConsumer {
  constructor(private readonly catalog: CatalogReadModelService) {}

  @HandlesEvent(productArchivedV1)
  async handle(@Payload() payload: ProductArchivedV1, @Ctx() { tx, envelope }: EventContext<ProductArchivedV1>): Promise<void> {
    await this.catalog.archive(tx, payload.productId, new Date(envelope.occurredAt));
  }
}
