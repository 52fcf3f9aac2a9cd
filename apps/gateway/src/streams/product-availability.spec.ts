import { randomUUID } from 'node:crypto';
import { availabilityFactOf, AvailabilityFact, nextAvailability, ProductAvailability } from './product-availability';

const productId = randomUUID();
const product = { productId, name: 'Soup', categoryId: randomUUID(), price: { amount: 500, currency: 'USD' }, modifierGroups: [] };
const known: ProductAvailability = { productId, available: 7, onSale: true, archived: false };

describe(nextAvailability.name, () => {
  it.each<[string, ProductAvailability | undefined, AvailabilityFact, Omit<ProductAvailability, 'productId'>]>([
    [
      'stock.changed sets the stock, keeping on-sale',
      { ...known, onSale: false },
      { type: 'stock.changed', payload: { productId, onHand: 3, reserved: 1, available: 2 } },
      { available: 2, onSale: false, archived: false },
    ],
    [
      'stock.changed of an unknown product: on sale',
      undefined,
      { type: 'stock.changed', payload: { productId, onHand: 3, reserved: 0, available: 3 } },
      { available: 3, onSale: true, archived: false },
    ],
    [
      'product.created: no stock, on sale unless it says otherwise',
      undefined,
      { type: 'product.created', payload: { ...product, onSale: false } },
      { available: 0, onSale: false, archived: false },
    ],
    ['product.updated off sale keeps the stock', known, { type: 'product.updated', payload: { ...product, onSale: false } }, { available: 7, onSale: false, archived: false }],
    [
      'product.updated without onSale (an older producer): on sale',
      { ...known, onSale: false },
      { type: 'product.updated', payload: product },
      { available: 7, onSale: true, archived: false },
    ],
    ['product.archived keeps the rest', known, { type: 'product.archived', payload: { productId } }, { available: 7, onSale: true, archived: true }],
  ])('%s', (_case, before, fact, expected) => {
    expect(nextAvailability(before, fact)).toEqual({ productId, ...expected });
  });
});

describe(availabilityFactOf.name, () => {
  it.each([
    ['a stock.changed', { type: 'stock.changed', version: 1, payload: { productId, onHand: 1, reserved: 0, available: 1 } }, 'stock.changed'],
    ['a product.updated', { type: 'product.updated', version: 1, payload: { ...product, onSale: true } }, 'product.updated'],
    ['another event type', { type: 'stock.reserved', version: 1, payload: {} }, undefined],
    ['another version', { type: 'stock.changed', version: 2, payload: { productId, onHand: 1, reserved: 0, available: 1 } }, undefined],
    ['a payload that breaks the contract', { type: 'stock.changed', version: 1, payload: { productId, available: -1 } }, undefined],
    ['no payload', { type: 'product.archived', version: 1 }, undefined],
  ])('reads %s', (_case, envelope, type) => {
    expect(availabilityFactOf(envelope)?.type).toBe(type);
  });
});
