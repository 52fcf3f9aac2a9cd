import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@galley/auth';
import { refundableAmount } from '../domain/money';
import { PaymentError, PaymentErrorCode } from '../domain/payment-error';
import { LineRefundState, lineRefundStates, refundedQuantities } from '../domain/refund-lines';
import { PaymentsStore } from '../repositories/payments-store';
import { PaymentRecord } from '../repositories/payments.repository';
import { RefundRecord } from '../repositories/refunds.repository';

/** Reads of a payment for its customer or staff. */
@Injectable()
export class PaymentQueriesService {
  constructor(private readonly store: PaymentsStore) {}

  /**
   * The order's payment with its refunds and, per order line, how much line refunds gave back and may still give
   * (empty when payments never saw the lines); another customer's order reads as missing.
   */
  async ofOrder(orderId: string, caller: AuthenticatedUser): Promise<{ payment: PaymentRecord; refunds: RefundRecord[]; lines: LineRefundState[] }> {
    const payment = await this.store.read.payments.findByOrder(orderId);
    if (!payment || (caller.role !== 'admin' && payment.customerId !== caller.id)) {
      throw new PaymentError(PaymentErrorCode.PaymentNotFound, 'No payment for this order yet');
    }
    const { read } = this.store;
    const [refunds, orderLines, lineRefunds, totals] = await Promise.all([
      read.refunds.listByPayment(payment.id),
      read.orders.lines(orderId),
      read.refunds.refundedLines(payment.id),
      read.refunds.totals(payment.id),
    ]);
    const refundable = refundableAmount({ captured: payment.capturedAmount, refunded: totals.refunded, pendingRefunds: totals.pending });
    return { payment, refunds, lines: lineRefundStates(orderLines ?? [], refundedQuantities(lineRefunds), refundable) };
  }
}
