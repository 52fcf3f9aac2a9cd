import { Injectable } from '@nestjs/common';
import { EventEnvelope, productCreatedV1, ProductCreatedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { CatalogReadModelService } from '../services/catalog-read-model.service';

/** product.created → the product joins the catalog read-model orders prices from. */
@Injectable()
@ConsumesEvent()
export class ProductCreatedConsumer implements EventHandler<ProductCreatedV1> {
  readonly contract = productCreatedV1;

  constructor(private readonly catalog: CatalogReadModelService) {}

  async handle(payload: ProductCreatedV1, envelope: EventEnvelope<ProductCreatedV1>, tx: SqlExecutor): Promise<void> {
    await this.catalog.upsert(tx, payload, new Date(envelope.occurredAt));
  }
}
