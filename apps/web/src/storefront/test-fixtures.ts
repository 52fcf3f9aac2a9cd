import type { ModifierGroup, Product } from './catalog';

const usd = (amount: number) => ({ amount, currency: 'USD' });

export function group(id: string, minSelect: number, maxSelect: number, options: [string, number][]): ModifierGroup {
  return { id, name: id, minSelect, maxSelect, options: options.map(([oid, delta]) => ({ id: oid, name: oid, priceDelta: usd(delta) })) };
}

export function product(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p1',
    name: 'Pizza Margherita',
    description: 'Tomato, mozzarella, basil',
    categoryId: 'c1',
    price: usd(1100),
    sku: null,
    tags: [],
    modifierGroups: [],
    available: 10,
    onSale: true,
    preparationMinutes: 10,
    rating: { average: 4.5, count: 2 },
    images: [],
    ...overrides,
  };
}
