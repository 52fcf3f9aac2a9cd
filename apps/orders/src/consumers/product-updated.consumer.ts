import { Injectable } from '@nestjs/common';
import { EventEnvelope, productUpdatedV1, ProductUpdatedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { CatalogReadModelService } from '../services/catalog-read-model.service';

/** product.updated → the read-model row is replaced (orders placed earlier keep their prices). */
@Injectable()
@ConsumesEvent()
export class ProductUpdatedConsumer implements EventHandler<ProductUpdatedV1> {
  readonly contract = productUpdatedV1;

  constructor(private readonly catalog: CatalogReadModelService) {}

  async handle(payload: ProductUpdatedV1, envelope: EventEnvelope<ProductUpdatedV1>, tx: SqlExecutor): Promise<void> {
    await this.catalog.upsert(tx, payload, new Date(envelope.occurredAt));
  }
}
