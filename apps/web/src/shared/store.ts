import { useQuery } from '@tanstack/react-query';
import { api } from './api/client';
import type { PaymentsConfig, StoreInfo } from './api/pending-paths';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Used until `GET /api/store` answers (or when it is missing): open, no hours known. */
export const FALLBACK_STORE: StoreInfo = {
  name: 'Galley',
  description: '',
  currency: 'USD',
  timeZone: browserZone,
  openingHours: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
  openNow: true,
  nextChangeAt: null,
  acceptingOrders: true,
  pausedUntil: null,
};

export function useStoreInfo() {
  return useQuery({
    queryKey: ['store'],
    staleTime: 30_000,
    refetchInterval: 60_000,
    queryFn: async (): Promise<StoreInfo & { known: boolean }> => {
      const { data, response } = await api.GET('/api/store');
      if (!data) {
        // An older gateway without the route: behave as the development default (always open).
        if (response.status === 404) return { ...FALLBACK_STORE, known: false };
        throw new Error('Could not load the store information.');
      }
      return { ...data, known: true };
    },
  });
}

/** The store's time zone for formatting dates, falling back to the browser's. */
export function useStoreTimeZone(): string {
  return useStoreInfo().data?.timeZone ?? browserZone;
}

/** Whether the store takes orders right now, and a sentence saying when it will if not. */
export function orderingState(store: StoreInfo): { open: boolean; paused: boolean } {
  const paused = store.acceptingOrders === false || Boolean(store.pausedUntil && new Date(store.pausedUntil) > new Date());
  return { open: store.openNow && !paused, paused };
}

export function usePaymentsConfig() {
  return useQuery({
    queryKey: ['payments-config'],
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<PaymentsConfig> => {
      const { data, response } = await api.GET('/api/payments/config');
      if (!data) {
        if (response.status === 404) return { provider: 'simulated', publishableKey: null };
        throw new Error('Could not load the payment settings.');
      }
      return data;
    },
  });
}
