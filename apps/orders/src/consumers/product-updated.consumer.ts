import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { productUpdatedV1, ProductUpdatedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { CatalogReadModelService } from '../services/catalog-read-model.service';

/** product.updated → the read-model row is replaced (orders placed earlier keep their prices). */
@Controller()
export class ProductUpdatedConsumer {
  constructor(private readonly catalog: CatalogReadModelService) {}

  @HandlesEvent(productUpdatedV1)
  async handle(@Payload() payload: ProductUpdatedV1, @Ctx() { tx, envelope }: EventContext<ProductUpdatedV1>): Promise<void> {
    await this.catalog.upsert(tx, payload, new Date(envelope.occurredAt));
  }
}
