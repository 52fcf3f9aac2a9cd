import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/errors';
import type { OrderPayment } from '../api/admin-client';

export const isPendingRefund = (status: string) => status !== 'succeeded' && status !== 'failed';

export const orderPaymentKey = (orderId: string) => ['admin', 'payment', orderId] as const;

/**
 * The order's payment as payments keeps it: its refunds and, per line, what line refunds gave back (null when no
 * payment was taken). Followed closely while a refund is under way, since its outcome arrives by webhook.
 */
export function useOrderPayment(orderId: string) {
  return useQuery({
    queryKey: orderPaymentKey(orderId),
    retry: false,
    queryFn: async (): Promise<OrderPayment | null> => {
      const res = await api.GET('/api/orders/{id}/payment', { params: { path: { id: orderId } } });
      if (res.response.status === 404) return null;
      return unwrap(res);
    },
    refetchInterval: (q) => (q.state.data?.refunds.some((r) => isPendingRefund(r.status)) ? 2000 : 15_000),
  });
}
