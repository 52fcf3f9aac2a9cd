import { useQueries } from '@tanstack/react-query';
import { fetchProduct, productKeys } from '../queries';
import { reviewLine, type CartLine, type LineReview } from './cart';

/** Each cart line checked against the current menu (kept live by the availability stream). */
export function useCartReview(lines: readonly CartLine[]): Map<string, LineReview> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const products = useQueries({
    queries: ids.map((id) => ({
      queryKey: productKeys.one(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProduct(id, signal),
      staleTime: 10_000,
    })),
  });
  const byId = new Map(ids.map((id, i) => [id, products[i]]));
  return new Map(
    lines.map((line) => {
      const q = byId.get(line.productId);
      const product = q?.isError ? undefined : q?.data;
      return [line.key, reviewLine(line, product)];
    }),
  );
}
