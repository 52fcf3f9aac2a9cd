import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../shared/api/errors';
import { adminApi, type StoreSettings } from './admin-client';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const adminKeys = {
  store: ['admin', 'store'] as const,
  order: (id: string) => ['admin', 'order', id] as const,
  orders: (filter: Record<string, unknown>) => ['admin', 'orders', filter] as const,
  summary: (date: string) => ['admin', 'summary', date] as const,
  inventory: ['admin', 'inventory'] as const,
  movements: (productId: string) => ['admin', 'movements', productId] as const,
  products: ['admin', 'products'] as const,
  categories: ['admin', 'categories'] as const,
  reviews: (status: string) => ['admin', 'reviews', status] as const,
  insights: (productId: string) => ['admin', 'insights', productId] as const,
  deadLetters: (service: string) => ['admin', 'dead-letters', service] as const,
  health: ['admin', 'health'] as const,
};

export function useAdminStore() {
  return useQuery({
    queryKey: adminKeys.store,
    staleTime: 30_000,
    queryFn: async (): Promise<StoreSettings> => unwrap(await adminApi.GET('/api/admin/store')),
  });
}

/** The store's time zone for every date the dashboard shows (the browser's until it is known). */
export function useAdminTimeZone(): string {
  return useAdminStore().data?.timeZone ?? browserZone;
}

/** True when an API answered 404 because the route does not exist yet on this gateway. */
export function isMissingRoute(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'statusCode' in error &&
    error.statusCode === 404 &&
    'message' in error &&
    String(error.message).startsWith('No route')
  );
}
