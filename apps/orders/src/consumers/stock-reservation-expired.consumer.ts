import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { stockReservationExpiredV1, StockReservationExpiredV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** stock.reservation_expired → an unpaid order is cancelled (a payment landing later is refunded). */
@Controller()
export class StockReservationExpiredConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(stockReservationExpiredV1)
  async handle(@Payload() payload: StockReservationExpiredV1, @Ctx() { tx, envelope }: EventContext<StockReservationExpiredV1>): Promise<void> {
    await this.saga.reservationExpired(tx, payload, envelope);
  }
}
