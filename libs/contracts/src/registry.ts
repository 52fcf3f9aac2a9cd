// class-transformer's @Type() reads design-time metadata while the contract classes are declared.
import 'reflect-metadata';
import { contractKey, EventContract } from './contract';
import { userRegisteredV1 } from './events/users/user-registered.v1';
import { sessionRevokedV1 } from './events/users/session-revoked.v1';
import { productCreatedV1 } from './events/inventory/product-created.v1';
import { productUpdatedV1 } from './events/inventory/product-updated.v1';
import { productArchivedV1 } from './events/inventory/product-archived.v1';
import { stockReservedV1 } from './events/inventory/stock-reserved.v1';
import { stockRejectedV1 } from './events/inventory/stock-rejected.v1';
import { stockReservationExpiredV1 } from './events/inventory/stock-reservation-expired.v1';
import { stockReleasedV1 } from './events/inventory/stock-released.v1';
import { stockCommittedV1 } from './events/inventory/stock-committed.v1';
import { stockChangedV1 } from './events/inventory/stock-changed.v1';
import { orderPlacedV1 } from './events/orders/order-placed.v1';
import { orderAwaitingPaymentV1 } from './events/orders/order-awaiting-payment.v1';
import { orderRejectedV1 } from './events/orders/order-rejected.v1';
import { orderConfirmedV1 } from './events/orders/order-confirmed.v1';
import { orderCancelledV1 } from './events/orders/order-cancelled.v1';
import { orderReadyV1 } from './events/orders/order-ready.v1';
import { orderCompletedV1 } from './events/orders/order-completed.v1';
import { orderNeedsAttentionV1 } from './events/orders/order-needs-attention.v1';
import { orderStatusChangedV1 } from './events/orders/order-status-changed.v1';
import { orderEtaChangedV1 } from './events/orders/order-eta-changed.v1';
import { orderPaymentIntentAttachedV1 } from './events/orders/order-payment-intent-attached.v1';
import { paymentIntentCreatedV1 } from './events/payments/payment-intent-created.v1';
import { paymentSucceededV1 } from './events/payments/payment-succeeded.v1';
import { paymentFailedV1 } from './events/payments/payment-failed.v1';
import { paymentRefundedV1 } from './events/payments/payment-refunded.v1';
import { paymentDisputedV1 } from './events/payments/payment-disputed.v1';
import { paymentRefundFailedV1 } from './events/payments/payment-refund-failed.v1';
import { reviewCreatedV1 } from './events/reviews/review-created.v1';
import { reviewRatingChangedV1 } from './events/reviews/review-rating-changed.v1';

/** Every event contract, current and older versions still published, grouped by producer. */
export const ALL_CONTRACTS: readonly EventContract[] = [
  userRegisteredV1,
  sessionRevokedV1,
  productCreatedV1,
  productUpdatedV1,
  productArchivedV1,
  stockReservedV1,
  stockRejectedV1,
  stockReservationExpiredV1,
  stockReleasedV1,
  stockCommittedV1,
  stockChangedV1,
  orderPlacedV1,
  orderAwaitingPaymentV1,
  orderRejectedV1,
  orderConfirmedV1,
  orderCancelledV1,
  orderReadyV1,
  orderCompletedV1,
  orderNeedsAttentionV1,
  orderStatusChangedV1,
  orderEtaChangedV1,
  orderPaymentIntentAttachedV1,
  paymentIntentCreatedV1,
  paymentSucceededV1,
  paymentFailedV1,
  paymentRefundedV1,
  paymentDisputedV1,
  paymentRefundFailedV1,
  reviewCreatedV1,
  reviewRatingChangedV1,
];

const byKey = new Map(ALL_CONTRACTS.map((contract) => [contractKey(contract.type, contract.version), contract]));

export function findContract(type: string, version: number): EventContract | undefined {
  return byKey.get(contractKey(type, version));
}
