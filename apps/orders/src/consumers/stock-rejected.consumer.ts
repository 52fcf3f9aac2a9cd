import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { stockRejectedV1, StockRejectedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** stock.rejected → the order is REJECTED with the short lines in its history. */
@Controller()
export class StockRejectedConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(stockRejectedV1)
  async handle(@Payload() payload: StockRejectedV1, @Ctx() { tx, envelope }: EventContext<StockRejectedV1>): Promise<void> {
    await this.saga.stockRejected(tx, payload, envelope);
  }
}
