import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { productCreatedV1, ProductCreatedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { CatalogReadModelService } from '../services/catalog-read-model.service';

/** product.created → the product joins the catalog read-model orders prices from. */
@Controller()
export class ProductCreatedConsumer {
  constructor(private readonly catalog: CatalogReadModelService) {}

  @HandlesEvent(productCreatedV1)
  async handle(@Payload() payload: ProductCreatedV1, @Ctx() { tx, envelope }: EventContext<ProductCreatedV1>): Promise<void> {
    await this.catalog.upsert(tx, payload, new Date(envelope.occurredAt));
  }
}
