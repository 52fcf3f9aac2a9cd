import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { refreshSession } from '../../shared/api/client';
import { tokenStore } from '../../shared/api/token-store';
import type { Order } from '../checkout/orders-api';
import { mergeHistory, type StatusEvent } from './order-steps';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows `GET /api/orders/:id/stream`. EventSource resumes with Last-Event-ID by itself; when
 * the server closes it for good (an expired token), a new one is opened with a fresh token and
 * the replayed history is merged by sequence, so nothing is shown twice.
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

    const open = () => {
      const token = linkToken ?? tokenStore.getAccessToken();
      const url = `/api/orders/${encodeURIComponent(orderId)}/stream${token ? `?access_token=${encodeURIComponent(token)}` : ''}`;
      source = new EventSource(url);
      source.onopen = () => {
        attempts = 0;
        setState('live');
      };
      source.addEventListener('status', (e: MessageEvent<string>) => {
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
      source.onerror = () => {
        setState('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !closed) {
          source.close();
          attempts += 1;
          const delay = Math.min(15_000, 1000 * 2 ** Math.min(attempts, 4));
          retryTimer = setTimeout(async () => {
            if (!linkToken) await refreshSession();
            if (!closed) {
              void queryClient.invalidateQueries({ queryKey: ['order', orderId] });
              open();
            }
          }, delay);
        }
      };
    };

    setState('connecting');
    open();
    return () => {
      closed = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [orderId, linkToken, enabled, queryClient]);

  return state;
}
