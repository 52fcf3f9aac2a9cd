import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyAvailability, type AvailabilityChange } from './queries';

type Snapshot = { items: AvailabilityChange[] };

/**
 * Follows `GET /api/products/availability/stream`: a snapshot first, then one event per change.
 * EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
 */
export function useAvailabilityStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/products/availability/stream');
    const onSnapshot = (e: MessageEvent<string>) => {
      const data = safeParse<Snapshot>(e.data);
      if (data?.items) applyAvailability(queryClient, data.items);
    };
    const onChange = (e: MessageEvent<string>) => {
      const data = safeParse<AvailabilityChange>(e.data);
      if (data?.productId) applyAvailability(queryClient, [data]);
    };
    source.addEventListener('snapshot', onSnapshot);
    source.addEventListener('availability', onChange);
    return () => source.close();
  }, [queryClient]);
}

function safeParse<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
