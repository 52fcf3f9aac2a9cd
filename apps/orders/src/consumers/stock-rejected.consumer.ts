import { Injectable } from '@nestjs/common';
import { EventEnvelope, stockRejectedV1, StockRejectedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** stock.rejected → the order is REJECTED with the short lines in its history. */
@Injectable()
@ConsumesEvent()
export class StockRejectedConsumer implements EventHandler<StockRejectedV1> {
  readonly contract = stockRejectedV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: StockRejectedV1, envelope: EventEnvelope<StockRejectedV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.apply(tx, payload.orderId, { kind: 'stock-rejected', shortLines: payload.shortLines }, envelope);
  }
}
