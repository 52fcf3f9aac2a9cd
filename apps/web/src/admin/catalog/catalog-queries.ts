import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/errors';
import type { Product } from '../api/admin-client';
import { adminKeys } from '../api/hooks';

export function useCategories() {
  return useQuery({
    queryKey: adminKeys.categories,
    queryFn: async () => unwrap(await api.GET('/api/categories')).items,
  });
}

/** Every live product (archived ones leave the listings), following the cursor. */
export function useProducts() {
  return useQuery({
    queryKey: adminKeys.products,
    queryFn: async (): Promise<Product[]> => {
      const all: Product[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const data = unwrap(await api.GET('/api/products', { params: { query: { limit: 100, sort: 'newest', ...(cursor ? { cursor } : {}) } } }));
        all.push(...(data.items as Product[]));
        if (!data.nextCursor) break;
        cursor = data.nextCursor;
      }
      return all.sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}
