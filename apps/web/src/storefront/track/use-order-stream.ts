import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/client';
import { tokenStore } from '../../shared/api/token-store';
import type { Order } from '../checkout/orders-api';
import { mergeHistory, type StatusEvent } from './order-steps';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * A single-use stream ticket (`POST /api/stream-tickets`) for the link's token or the session's:
 * EventSource cannot send Authorization, and a bearer token in a URL ends up in logs.
 */
async function streamTicket(linkToken: string | null): Promise<string | null> {
  const { data } = await api.POST('/api/stream-tickets', linkToken ? { headers: { Authorization: `Bearer ${linkToken}` } } : {});
  return data?.ticket ?? null;
}

/**
 * Follows `GET /api/orders/:id/stream`. A ticket opens one connection, so EventSource's own
 * reconnects (which reuse the URL) cannot: on any error the stream is closed and reopened with a
 * new ticket (the client refreshes an expired session when the ticket is asked for), sending the
 * last event id as `lastEventId`; the replayed history is merged by sequence, so nothing is shown twice.
 * It asks for `event: payment` too (`include=payment`): the order's PaymentIntent exists, so the
 * payment section reads it without polling the order.
 */
export function useOrderStream(orderId: string, linkToken: string | null, enabled: boolean): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    let attempts = 0;

    const apply = (event: StatusEvent) => {
      queryClient.setQueryData<Order | null>(['order', orderId, linkToken], (order) => {
        if (!order) return order;
        const history = mergeHistory(order.history, [
          { sequence: event.sequence, status: event.status, at: event.at, reason: event.reason ?? '', actor: 'saga' as const },
        ]);
        const latest = history[history.length - 1]!;
        return { ...order, history, status: latest.status, updatedAt: latest.at };
      });
    };

    let lastEventId: string | null = null;
    const open = async () => {
      const ticket = linkToken || tokenStore.getAccessToken() ? await streamTicket(linkToken).catch(() => null) : null;
      if (closed) return;
      const query = new URLSearchParams();
      if (ticket) query.set('ticket', ticket);
      query.set('include', 'payment');
      if (lastEventId) query.set('lastEventId', lastEventId);
      const url = `/api/orders/${encodeURIComponent(orderId)}/stream${query.size ? `?${query}` : ''}`;
      source = new EventSource(url);
      source.onopen = () => {
        attempts = 0;
        setState('live');
      };
      source.addEventListener('status', (e: MessageEvent<string>) => {
        if (e.lastEventId) lastEventId = e.lastEventId;
        try {
          const data = JSON.parse(e.data) as StatusEvent;
          if (data.status && typeof data.sequence === 'number') apply(data);
        } catch {
          // A malformed event is skipped; the next one carries the full state.
        }
      });
      // The kitchen's estimate, sent after the replay and whenever it moves (no id: not replayed).
      source.addEventListener('eta', (e: MessageEvent<string>) => {
        try {
          const data = JSON.parse(e.data) as { estimatedReadyAt: string | null };
          queryClient.setQueryData<Order | null>(['order', orderId, linkToken], (order) =>
            order ? { ...order, estimatedReadyAt: data.estimatedReadyAt ?? null } : order,
          );
        } catch {
          // Ignored like a malformed status event.
        }
      });
      // The PaymentIntent exists (sent once per connection): every copy of the order learns it, whichever token it was read with.
      source.addEventListener('payment', (e: MessageEvent<string>) => {
        try {
          const data = JSON.parse(e.data) as { paymentIntentId?: string };
          const paymentIntentId = data.paymentIntentId;
          if (!paymentIntentId) return;
          queryClient.setQueriesData<Order | null>({ queryKey: ['order', orderId] }, (order) =>
            order && !order.paymentIntentId ? { ...order, paymentIntentId } : order,
          );
        } catch {
          // Ignored like a malformed status event.
        }
      });
      source.onerror = () => {
        setState('reconnecting');
        // Its ticket is used up: EventSource's own retry would be refused, so every reconnect is ours.
        if (source && !closed) {
          source.close();
          attempts += 1;
          // 1 s, 2 s, then every 3 s (the server's own retry hint); an expired session is refreshed by the
          // client's 401 handling when the ticket is asked for.
          const delay = Math.min(3000, 1000 * attempts);
          retryTimer = setTimeout(() => {
            if (!closed) {
              void queryClient.invalidateQueries({ queryKey: ['order', orderId] });
              void open();
            }
          }, delay);
        }
      };
    };

    setState('connecting');
    void open();
    return () => {
      closed = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [orderId, linkToken, enabled, queryClient]);

  return state;
}
