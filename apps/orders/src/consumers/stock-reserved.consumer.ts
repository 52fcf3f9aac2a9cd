import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { stockReservedV1, StockReservedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** stock.reserved → the order waits for payment (payments creates the PaymentIntent). */
@Controller()
export class StockReservedConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(stockReservedV1)
  async handle(@Payload() payload: StockReservedV1, @Ctx() { tx, envelope }: EventContext<StockReservedV1>): Promise<void> {
    await this.saga.stockReserved(tx, payload, envelope);
  }
}
