import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@galley/auth';
import { PaymentError, PaymentErrorCode } from '../domain/payment-error';
import { PaymentsStore } from '../repositories/payments-store';
import { PaymentRecord } from '../repositories/payments.repository';
import { RefundRecord } from '../repositories/refunds.repository';

/** Reads of a payment for its customer or staff. */
@Injectable()
export class PaymentQueriesService {
  constructor(private readonly store: PaymentsStore) {}

  /** The order's payment with its refunds; another customer's order reads as missing. */
  async ofOrder(orderId: string, caller: AuthenticatedUser): Promise<{ payment: PaymentRecord; refunds: RefundRecord[] }> {
    const payment = await this.store.read.payments.findByOrder(orderId);
    if (!payment || (caller.role !== 'admin' && payment.customerId !== caller.id)) {
      throw new PaymentError(PaymentErrorCode.PaymentNotFound, 'No payment for this order yet');
    }
    return { payment, refunds: await this.store.read.refunds.listByPayment(payment.id) };
  }
}
