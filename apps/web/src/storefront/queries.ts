import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import { unwrap } from '../shared/api/errors';
import type { Category, Product, ProductList } from './catalog';

export type ProductQuery = {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: 'relevance' | 'price' | '-price' | 'rating' | 'newest';
  limit?: number;
};

export const productKeys = {
  list: (query: ProductQuery) => ['products', query] as const,
  one: (id: string) => ['product', id] as const,
};

export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Category[]> => unwrap(await api.GET('/api/categories')).items,
  });
}

export async function fetchProducts(query: ProductQuery, signal?: AbortSignal): Promise<ProductList> {
  const { inStock, ...rest } = query;
  const params = { ...rest, ...(inStock ? { inStock: 'true' as const } : {}) };
  return unwrap(await api.GET('/api/products', { params: { query: params }, signal })) as ProductList;
}

export function useProducts(query: ProductQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: productKeys.list(query),
    queryFn: ({ signal }) => fetchProducts(query, signal),
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous,
  });
}

/** One product, or null when it no longer exists (a 404). */
export async function fetchProduct(id: string, signal?: AbortSignal): Promise<Product | null> {
  const result = await api.GET('/api/products/{id}', { params: { path: { id } }, signal });
  if (result.response.status === 404 || result.response.status === 400) return null;
  return unwrap(result) as Product;
}

export function useProduct(id: string) {
  return useQuery({ queryKey: productKeys.one(id), queryFn: ({ signal }) => fetchProduct(id, signal) });
}

export type AvailabilityChange = { productId: string; available: number; onSale?: boolean; archived?: boolean };

/**
 * Writes stock changes into every cached menu list and product so open pages re-render:
 * a sold-out item disables its button, the cart flags its line.
 */
export function applyAvailability(queryClient: QueryClient, changes: readonly AvailabilityChange[]): void {
  if (changes.length === 0) return;
  const byId = new Map(changes.map((c) => [c.productId, c]));
  const patch = (p: Product): Product => {
    const c = byId.get(p.id);
    if (!c) return p;
    return { ...p, available: c.archived ? 0 : c.available, onSale: c.archived ? false : (c.onSale ?? p.onSale) };
  };
  queryClient.setQueriesData<ProductList>({ queryKey: ['products'] }, (list) =>
    list ? { ...list, items: list.items.map(patch) } : list,
  );
  for (const c of changes) {
    queryClient.setQueryData<Product | null>(productKeys.one(c.productId), (p) => (p ? patch(p) : p));
  }
}
