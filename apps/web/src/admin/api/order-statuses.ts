import type { OrderStatus } from './admin-client';

/** Every order status, in the order of the saga (the generated schema has the type, not a list). */
export const ALL_STATUSES: readonly OrderStatus[] = [
  'PENDING',
  'AWAITING_PAYMENT',
  'CONFIRMED',
  'PREPARING',
  'READY',
  'COMPLETED',
  'CANCELLED',
  'REJECTED',
  'NEEDS_ATTENTION',
];
