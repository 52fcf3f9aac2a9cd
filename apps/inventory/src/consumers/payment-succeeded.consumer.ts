import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentSucceededV1, PaymentSucceededV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { ReservationsService } from '../services/reservations.service';

/** payment.succeeded → the order's reservation becomes a sale (stock.committed). */
@Controller()
export class PaymentSucceededConsumer {
  constructor(private readonly reservations: ReservationsService) {}

  @HandlesEvent(paymentSucceededV1)
  async handle(@Payload() payload: PaymentSucceededV1, @Ctx() { tx }: EventContext<PaymentSucceededV1>): Promise<void> {
    await this.reservations.commit(tx, payload.orderId);
  }
}
