import { Injectable } from '@nestjs/common';
import { EventEnvelope, stockReservationExpiredV1, StockReservationExpiredV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** stock.reservation_expired → an unpaid order is cancelled (a payment landing later is refunded). */
@Injectable()
@ConsumesEvent()
export class StockReservationExpiredConsumer implements EventHandler<StockReservationExpiredV1> {
  readonly contract = stockReservationExpiredV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: StockReservationExpiredV1, envelope: EventEnvelope<StockReservationExpiredV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.apply(tx, payload.orderId, { kind: 'reservation-expired' }, envelope);
  }
}
