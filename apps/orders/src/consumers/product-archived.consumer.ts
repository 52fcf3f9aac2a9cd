import { Injectable } from '@nestjs/common';
import { EventEnvelope, productArchivedV1, ProductArchivedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { CatalogReadModelService } from '../services/catalog-read-model.service';

/** product.archived → no new order line may use the product. */
@Injectable()
@ConsumesEvent()
export class ProductArchivedConsumer implements EventHandler<ProductArchivedV1> {
  readonly contract = productArchivedV1;

  constructor(private readonly catalog: CatalogReadModelService) {}

  async handle(payload: ProductArchivedV1, envelope: EventEnvelope<ProductArchivedV1>, tx: SqlExecutor): Promise<void> {
    await this.catalog.archive(tx, payload.productId, new Date(envelope.occurredAt));
  }
}
