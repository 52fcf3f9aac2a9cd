import type { Money } from '../../shared/format/money';
import type { Product } from '../catalog';
import { isSoldOut } from '../catalog';
import { isSelectionComplete, optionsStillOffered, unitPrice } from '../product/modifier-rules';

export type CartLine = {
  /** Same product, options and note make the same line. */
  key: string;
  productId: string;
  name: string;
  quantity: number;
  /** Per item, options included, as it was when added: compared with the current menu later. */
  unitPrice: Money;
  modifierOptionIds: string[];
  modifierNames: string[];
  note?: string;
  imageUrl?: string;
};

export const MAX_QUANTITY = 99;

export function lineKey(productId: string, optionIds: readonly string[], note?: string): string {
  return [productId, [...optionIds].sort().join(','), (note ?? '').trim()].join('|');
}

export function addLine(lines: readonly CartLine[], line: Omit<CartLine, 'key'>): CartLine[] {
  const key = lineKey(line.productId, line.modifierOptionIds, line.note);
  const existing = lines.find((l) => l.key === key);
  if (existing) {
    return lines.map((l) => (l.key === key ? { ...l, quantity: clampQuantity(l.quantity + line.quantity), unitPrice: line.unitPrice } : l));
  }
  return [...lines, { ...line, key, quantity: clampQuantity(line.quantity) }];
}

export function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(MAX_QUANTITY, Math.max(1, Math.trunc(quantity)));
}

export function setQuantity(lines: readonly CartLine[], key: string, quantity: number): CartLine[] {
  if (quantity <= 0) return removeLine(lines, key);
  return lines.map((l) => (l.key === key ? { ...l, quantity: clampQuantity(quantity) } : l));
}

export function removeLine(lines: readonly CartLine[], key: string): CartLine[] {
  return lines.filter((l) => l.key !== key);
}

export function lineTotal(line: Pick<CartLine, 'unitPrice' | 'quantity'>): Money {
  return { amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency };
}

export function cartTotals(lines: readonly CartLine[], currency = lines[0]?.unitPrice.currency ?? 'USD'): { itemCount: number; subtotal: Money } {
  let amount = 0;
  let itemCount = 0;
  for (const line of lines) {
    amount += line.unitPrice.amount * line.quantity;
    itemCount += line.quantity;
  }
  return { itemCount, subtotal: { amount, currency } };
}

/** How a cart line compares with the product as the menu offers it now. */
export type LineReview =
  | { kind: 'ok' }
  | { kind: 'checking' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'short'; available: number; message: string }
  | { kind: 'price-changed'; from: Money; to: Money; message: string };

/**
 * Flags a line whose product disappeared, sold out, lost an option, has less stock than the
 * quantity, or changed price. `product` is undefined while loading and null when it is gone.
 */
export function reviewLine(line: CartLine, product: Product | null | undefined): LineReview {
  if (product === undefined) return { kind: 'checking' };
  if (product === null) return { kind: 'unavailable', message: 'No longer on the menu' };
  if (isSoldOut(product)) return { kind: 'unavailable', message: 'Sold out' };
  if (!optionsStillOffered(product, line.modifierOptionIds)) {
    return { kind: 'unavailable', message: 'A chosen option is no longer offered' };
  }
  const chosen = Object.fromEntries(
    product.modifierGroups.map((g) => [g.id, g.options.filter((o) => line.modifierOptionIds.includes(o.id)).map((o) => o.id)]),
  );
  if (!isSelectionComplete(chosen, product.modifierGroups)) {
    return { kind: 'unavailable', message: 'The choices for this item changed; add it again' };
  }
  if (product.available < line.quantity) {
    return { kind: 'short', available: product.available, message: `Only ${product.available} left` };
  }
  const now = unitPrice(product, line.modifierOptionIds);
  if (now.amount !== line.unitPrice.amount || now.currency !== line.unitPrice.currency) {
    return { kind: 'price-changed', from: line.unitPrice, to: now, message: 'Price changed' };
  }
  return { kind: 'ok' };
}

export function canCheckout(reviews: readonly LineReview[]): boolean {
  return reviews.length > 0 && reviews.every((r) => r.kind === 'ok');
}

/** The lines as `POST /api/orders` takes them. */
export function orderLines(lines: readonly CartLine[]): { productId: string; quantity: number; modifierOptionIds: string[] }[] {
  return lines.map((l) => ({ productId: l.productId, quantity: l.quantity, modifierOptionIds: l.modifierOptionIds }));
}

/** The order note: the customer's note plus each line's note ("Pizza Margherita: no basil"). */
export function orderNote(note: string, lines: readonly CartLine[]): string | undefined {
  const parts = [note.trim(), ...lines.filter((l) => l.note?.trim()).map((l) => `${l.name}: ${l.note!.trim()}`)].filter(Boolean);
  return parts.length ? parts.join('\n').slice(0, 500) : undefined;
}

/** Reads a stored cart tolerantly: anything malformed is dropped, never thrown. */
export function parseCart(raw: string | null): CartLine[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(isCartLine).map((l) => ({ ...l, quantity: clampQuantity(l.quantity) }));
  } catch {
    return [];
  }
}

function isCartLine(v: unknown): v is CartLine {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  const price = l.unitPrice as Record<string, unknown> | undefined;
  return (
    typeof l.key === 'string' &&
    typeof l.productId === 'string' &&
    typeof l.name === 'string' &&
    typeof l.quantity === 'number' &&
    Array.isArray(l.modifierOptionIds) &&
    Array.isArray(l.modifierNames) &&
    typeof price?.amount === 'number' &&
    typeof price?.currency === 'string'
  );
}
