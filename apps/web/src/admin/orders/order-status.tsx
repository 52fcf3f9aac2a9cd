import { cn } from '../ui';
import type { OrderStatus } from '../api/admin-client';

export { ALL_STATUSES } from '../api/order-statuses';

const LABELS: Record<OrderStatus, string> = {
  PENDING: 'Pending',
  AWAITING_PAYMENT: 'Awaiting payment',
  CONFIRMED: 'Confirmed',
  PREPARING: 'Preparing',
  READY: 'Ready',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Rejected',
  NEEDS_ATTENTION: 'Needs attention',
};

const STYLES: Partial<Record<OrderStatus, string>> = {
  CONFIRMED: 'bg-blue-100 text-blue-900',
  PREPARING: 'bg-amber-100 text-amber-950',
  READY: 'bg-green-100 text-green-900',
  COMPLETED: 'bg-stone-200 text-stone-900',
  CANCELLED: 'bg-stone-200 text-stone-800',
  REJECTED: 'bg-red-100 text-red-900',
  NEEDS_ATTENTION: 'bg-red-700 text-white',
};

export function statusLabel(status: string): string {
  return LABELS[status as OrderStatus] ?? status;
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={cn('inline-block rounded-full px-2 py-0.5 text-sm font-semibold', STYLES[status as OrderStatus] ?? 'bg-stone-100 text-stone-900')}>
      {statusLabel(status)}
    </span>
  );
}

export function refundStatusLabel(status: string): string {
  if (status === 'succeeded') return 'Refunded';
  if (status === 'pending' || status === 'requires_action') return 'Refund pending';
  if (status === 'failed') return 'Refund failed';
  return status;
}
