import type { components } from '../api/schema';

export type Product = components['schemas']['ProductResponse'];
export type ModifierGroup = components['schemas']['ModifierGroupResponse'];
export type ModifierOption = components['schemas']['ModifierOptionResponse'];
export type Category = components['schemas']['CategoryResponse'];
export type ProductList = Omit<components['schemas']['ProductListResponse'], 'items'> & { items: Product[] };

/** A product that cannot be sold now: no sellable stock or taken off sale. */
export function isSoldOut(product: Pick<Product, 'available' | 'onSale'>): boolean {
  return product.available <= 0 || product.onSale === false;
}

export function hasRequiredChoices(product: Pick<Product, 'modifierGroups'>): boolean {
  return product.modifierGroups.some((g) => g.minSelect > 0);
}
