import { Money } from '@galley/contracts';

/** What orders knows of a product from inventory's events (its catalog read-model). */
export interface CatalogProduct {
  id: string;
  name: string;
  price: Money;
  modifierGroups: CatalogModifierGroup[];
  archived: boolean;
  /** False while staff have it off sale: it stays in the catalog but takes no new orders. */
  onSale: boolean;
  /** Minutes the kitchen needs for one (for the kitchen's ETA). */
  preparationMinutes: number;
}

/** What a product is until an event says otherwise (older events carry neither field). */
export const DEFAULT_PREPARATION_MINUTES = 10;

export interface CatalogModifierGroup {
  id: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  options: { id: string; name: string; priceDelta: Money }[];
}

export interface RequestedLine {
  productId: string;
  quantity: number;
  modifierOptionIds?: string[];
}

export interface PricedModifier {
  id: string;
  groupName: string;
  name: string;
  priceDelta: Money;
}

export interface PricedLine {
  productId: string;
  name: string;
  quantity: number;
  modifiers: PricedModifier[];
  /** Product price plus every chosen option's delta. */
  unitPrice: Money;
  lineTotal: Money;
}

export type PricingResult = { ok: true; lines: PricedLine[]; total: Money } | { ok: false; problems: string[] };

/** Largest quantity on one line: a typo guard, not a business rule about stock. */
export const MAX_LINE_QUANTITY = 999;

/**
 * The lines naming a product staff took off sale, each naming its line (`lines[1].productId: Tiramisu is off sale`).
 * Unknown and archived products are left to `priceOrder`, which refuses them as bad input.
 */
export function offSaleProblems(requested: readonly RequestedLine[], catalog: ReadonlyMap<string, CatalogProduct>): string[] {
  return requested.flatMap((line, index) => {
    const product = catalog.get(line.productId);
    return product && !product.archived && !product.onSale ? [`lines[${index}].productId: ${product.name} (${product.id}) is off sale right now`] : [];
  });
}

/**
 * Prices an order on the server from the catalog read-model; whatever the client thinks things cost is never
 * read. Each problem names the field it is about (`lines[1].modifierOptionIds`), so a 400 can say what to fix.
 */
export function priceOrder(requested: readonly RequestedLine[], catalog: ReadonlyMap<string, CatalogProduct>, currency: string): PricingResult {
  const problems: string[] = [];
  const lines: PricedLine[] = [];
  requested.forEach((line, index) => {
    const field = `lines[${index}]`;
    const product = catalog.get(line.productId);
    if (!product || product.archived) {
      problems.push(`${field}.productId: no product ${line.productId} is on sale`);
      return;
    }
    if (product.price.currency !== currency) {
      problems.push(`${field}.productId: ${product.name} is priced in ${product.price.currency}, not the store currency ${currency}`);
      return;
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
      problems.push(`${field}.quantity must be an integer from 1 to ${MAX_LINE_QUANTITY}`);
      return;
    }
    const chosen = chooseModifiers(product, line.modifierOptionIds ?? [], `${field}.modifierOptionIds`);
    if (!chosen.ok) {
      problems.push(...chosen.problems);
      return;
    }
    const unit = product.price.amount + chosen.modifiers.reduce((sum, modifier) => sum + modifier.priceDelta.amount, 0);
    lines.push({
      productId: product.id,
      name: product.name,
      quantity: line.quantity,
      modifiers: chosen.modifiers,
      unitPrice: { amount: unit, currency },
      lineTotal: { amount: unit * line.quantity, currency },
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  const total = lines.reduce((sum, line) => sum + line.lineTotal.amount, 0);
  if (!Number.isSafeInteger(total)) return { ok: false, problems: ['lines: the order total is too large'] };
  return { ok: true, lines, total: { amount: total, currency } };
}

function chooseModifiers(product: CatalogProduct, optionIds: readonly string[], field: string): { ok: true; modifiers: PricedModifier[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (new Set(optionIds).size !== optionIds.length) problems.push(`${field} lists an option more than once`);
  const known = new Set(product.modifierGroups.flatMap((group) => group.options.map((option) => option.id)));
  for (const id of optionIds) if (!known.has(id)) problems.push(`${field}: ${id} is not an option of ${product.name}`);
  if (problems.length > 0) return { ok: false, problems };

  const modifiers: PricedModifier[] = [];
  for (const group of product.modifierGroups) {
    const picked = group.options.filter((option) => optionIds.includes(option.id));
    if (picked.length < group.minSelect || picked.length > group.maxSelect) {
      problems.push(`${field}: choose ${selectionRule(group)} from "${group.name}" (got ${picked.length})`);
      continue;
    }
    modifiers.push(...picked.map((option) => ({ id: option.id, groupName: group.name, name: option.name, priceDelta: option.priceDelta })));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, modifiers };
}

function selectionRule(group: CatalogModifierGroup): string {
  if (group.minSelect === group.maxSelect) return `exactly ${group.minSelect}`;
  if (group.minSelect === 0) return `at most ${group.maxSelect}`;
  return `${group.minSelect} to ${group.maxSelect}`;
}
