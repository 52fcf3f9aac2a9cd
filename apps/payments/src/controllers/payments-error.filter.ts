import { domainErrorFilter } from '@galley/platform';
import { PaymentError } from '../domain/payment-error';

/** Answers a PaymentError in the platform's JSON error shape. */
export const PaymentsErrorFilter = domainErrorFilter(PaymentError);
