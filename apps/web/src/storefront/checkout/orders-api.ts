import { useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/errors';

export type Order = components['schemas']['OrderResponse'];
export type OrderStatus = Order['status'];
export type PlaceOrderRequest = components['schemas']['PlaceOrderRequestDto'];

/** A caller-given token (an order link) replaces the session's for this order's routes. */
export function authHeader(token: string | null | undefined): { headers?: { Authorization: string } } {
  return token ? { headers: { Authorization: `Bearer ${token}` } } : {};
}

export function useOrder(
  orderId: string,
  token?: string | null,
  options: { enabled?: boolean; pollWhile?: (order: Order | null | undefined) => boolean } = {},
) {
  const { pollWhile } = options;
  return useQuery({
    queryKey: ['order', orderId, token ?? null],
    enabled: options.enabled ?? true,
    ...(pollWhile ? { refetchInterval: (q: { state: { data: Order | null | undefined } }) => (pollWhile(q.state.data) ? 500 : false) } : {}),
    queryFn: async (): Promise<Order | null> => {
      const result = await api.GET('/api/orders/{id}', { params: { path: { id: orderId } }, ...authHeader(token) });
      if (result.response.status === 404 || result.response.status === 400) return null;
      return unwrap(result);
    },
  });
}
