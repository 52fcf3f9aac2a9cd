import { Injectable } from '@nestjs/common';
import { EventEnvelope, stockReservedV1, StockReservedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** stock.reserved → the order waits for payment (payments creates the PaymentIntent). */
@Injectable()
@ConsumesEvent()
export class StockReservedConsumer implements EventHandler<StockReservedV1> {
  readonly contract = stockReservedV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: StockReservedV1, envelope: EventEnvelope<StockReservedV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.apply(tx, payload.orderId, { kind: 'stock-reserved' }, envelope, async (orders, order) => {
      if (order.status !== 'PENDING') return order;
      const expiresAt = new Date(payload.expiresAt);
      await orders.orders.setReservation(order.id, payload.reservationId, expiresAt);
      return { ...order, reservationId: payload.reservationId, reservationExpiresAt: expiresAt };
    });
  }
}
