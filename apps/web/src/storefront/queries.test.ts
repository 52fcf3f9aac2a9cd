import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Product, ProductList } from './catalog';
import { applyAvailability, productKeys } from './queries';
import { product } from './test-fixtures';

function seeded() {
  const sut = new QueryClient();
  const list: ProductList = {
    items: [product({ id: 'a', available: 5 }), product({ id: 'b', available: 5 })],
    correctedQuery: null,
    nextCursor: null,
    facets: { categories: [], priceBands: [] },
  };
  sut.setQueryData(['products', { limit: 100 }], list);
  sut.setQueryData(['products', { q: 'pizza' }], { ...list, items: [list.items[0]!] });
  sut.setQueryData(productKeys.one('a'), list.items[0]);
  return sut;
}

const listItem = (sut: QueryClient, key: object, id: string) => sut.getQueryData<ProductList>(['products', key])!.items.find((p) => p.id === id)!;

describe('applyAvailability', () => {
  it('marks a product sold out in every cached list and in its own entry', () => {
    const sut = seeded();
    applyAvailability(sut, [{ productId: 'a', available: 0, onSale: true }]);
    expect(listItem(sut, { limit: 100 }, 'a').available).toBe(0);
    expect(listItem(sut, { q: 'pizza' }, 'a').available).toBe(0);
    expect(sut.getQueryData<Product>(productKeys.one('a'))!.available).toBe(0);
    expect(listItem(sut, { limit: 100 }, 'b').available).toBe(5);
  });

  it('takes a product off sale, and an archived one out of stock', () => {
    const sut = seeded();
    applyAvailability(sut, [
      { productId: 'a', available: 3, onSale: false },
      { productId: 'b', available: 3, archived: true },
    ]);
    expect(listItem(sut, { limit: 100 }, 'a')).toMatchObject({ available: 3, onSale: false });
    expect(listItem(sut, { limit: 100 }, 'b')).toMatchObject({ available: 0, onSale: false });
  });

  it('keeps onSale when the change does not say', () => {
    const sut = seeded();
    applyAvailability(sut, [{ productId: 'b', available: 2 }]);
    expect(listItem(sut, { limit: 100 }, 'b')).toMatchObject({ available: 2, onSale: true });
  });

  it('does not create entries for products nobody looked at', () => {
    const sut = seeded();
    applyAvailability(sut, [{ productId: 'zzz', available: 0 }]);
    expect(sut.getQueryData(productKeys.one('zzz'))).toBeUndefined();
  });
});
