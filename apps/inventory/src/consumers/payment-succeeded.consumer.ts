import { Injectable } from '@nestjs/common';
import { EventEnvelope, paymentSucceededV1, PaymentSucceededV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { ReservationsService } from '../services/reservations.service';

/** payment.succeeded → the order's reservation becomes a sale (stock.committed). */
@Injectable()
@ConsumesEvent()
export class PaymentSucceededConsumer implements EventHandler<PaymentSucceededV1> {
  readonly contract = paymentSucceededV1;

  constructor(private readonly reservations: ReservationsService) {}

  async handle(payload: PaymentSucceededV1, _envelope: EventEnvelope<PaymentSucceededV1>, tx: SqlExecutor): Promise<void> {
    await this.reservations.commit(tx, payload.orderId);
  }
}
