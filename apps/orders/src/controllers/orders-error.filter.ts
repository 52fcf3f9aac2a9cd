import { domainErrorFilter } from '@galley/platform';
import { OrdersError } from '../domain/orders-error';

/** Answers an OrdersError in the platform's JSON error shape; a temporary refusal carries Retry-After. */
export const OrdersErrorFilter = domainErrorFilter(OrdersError, {
  headers: (error, now) => (error.retryAt ? { 'Retry-After': String(Math.max(1, Math.ceil((error.retryAt.getTime() - now.getTime()) / 1000))) } : undefined),
});
