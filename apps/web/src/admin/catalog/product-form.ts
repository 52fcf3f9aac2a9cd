import { currencyExponent } from '../../shared/format/money';
import type { Product } from '../api/admin-client';

export type OptionDraft = { name: string; price: string };
export type GroupDraft = { name: string; minSelect: string; maxSelect: string; options: OptionDraft[] };
export type ProductDraft = {
  name: string;
  description: string;
  categoryId: string;
  price: string;
  sku: string;
  tags: string;
  preparationMinutes: string;
  onSale: boolean;
  groups: GroupDraft[];
};

/** "12.50" (major units, as typed) → 1250 minor units; null when it is not an amount in this currency. */
export function parseAmount(text: string, currency: string, allowNegative = false): number | null {
  const exponent = currencyExponent(currency);
  const trimmed = text.trim().replace(/^\+/, '');
  const pattern = exponent === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+(\\.\\d{1,${exponent}})?$`);
  if (!pattern.test(trimmed)) return null;
  if (!allowNegative && trimmed.startsWith('-')) return null;
  const [whole, fraction = ''] = trimmed.replace('-', '').split('.');
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  return trimmed.startsWith('-') ? -minor : minor;
}

/** 1250 → "12.50" for an input's value. */
export function amountText(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (exponent === 0) return `${sign}${abs}`;
  return `${sign}${Math.floor(abs / 10 ** exponent)}.${String(abs % 10 ** exponent).padStart(exponent, '0')}`;
}

export function draftOf(product: Product | null, currency: string, defaultCategory = ''): ProductDraft {
  if (!product) {
    return { name: '', description: '', categoryId: defaultCategory, price: '', sku: '', tags: '', preparationMinutes: '10', onSale: true, groups: [] };
  }
  return {
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    price: amountText(product.price.amount, product.price.currency),
    sku: product.sku ?? '',
    tags: product.tags.join(', '),
    preparationMinutes: String(product.preparationMinutes),
    onSale: product.onSale,
    groups: product.modifierGroups.map((g) => ({
      name: g.name,
      minSelect: String(g.minSelect),
      maxSelect: String(g.maxSelect),
      options: g.options.map((o) => ({ name: o.name, price: amountText(o.priceDelta.amount, currency) })),
    })),
  };
}

/**
 * The rules the storefront enforces on a choice group, checked before saving: a name, at least
 * one option, 0 ≤ min ≤ max, max ≥ 1 and at most the number of options, each option named with
 * a price change in the store currency (may be 0 or negative).
 */
export function validateDraft(draft: ProductDraft, currency: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.name.trim()) errors.name = 'Enter a name.';
  if (!draft.categoryId) errors.categoryId = 'Choose a category.';
  const price = parseAmount(draft.price, currency);
  if (price === null) errors.price = `Enter a price such as ${amountText(1250, currency)}.`;
  const prep = Number(draft.preparationMinutes);
  if (draft.preparationMinutes.trim() === '' || !Number.isInteger(prep) || prep < 0 || prep > 240) {
    errors.preparationMinutes = 'Enter whole minutes from 0 to 240.';
  }
  draft.groups.forEach((g, gi) => {
    const key = `groups.${gi}`;
    if (!g.name.trim()) errors[`${key}.name`] = 'Name the choice group (e.g. Size).';
    const min = Number(g.minSelect);
    const max = Number(g.maxSelect);
    if (g.minSelect.trim() === '' || !Number.isInteger(min) || min < 0) errors[`${key}.minSelect`] = 'At least: a whole number from 0.';
    if (g.maxSelect.trim() === '' || !Number.isInteger(max) || max < 1) errors[`${key}.maxSelect`] = 'At most: a whole number from 1.';
    else if (Number.isInteger(min) && min > max) errors[`${key}.maxSelect`] = 'At most cannot be less than at least.';
    else if (max > g.options.length) errors[`${key}.maxSelect`] = `At most cannot exceed the ${g.options.length} option${g.options.length === 1 ? '' : 's'}.`;
    if (g.options.length === 0) errors[`${key}.options`] = 'Add at least one option.';
    g.options.forEach((o, oi) => {
      if (!o.name.trim()) errors[`${key}.options.${oi}.name`] = 'Name the option.';
      if (parseAmount(o.price || '0', currency, true) === null) errors[`${key}.options.${oi}.price`] = 'Enter a price change such as 1.50, 0 or -0.50.';
    });
  });
  return errors;
}

/** The request body for a valid draft. */
export function bodyOf(draft: ProductDraft, currency: string) {
  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    categoryId: draft.categoryId,
    price: { amount: parseAmount(draft.price, currency) ?? 0, currency },
    sku: draft.sku.trim() || null,
    tags: draft.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    preparationMinutes: Number(draft.preparationMinutes),
    onSale: draft.onSale,
    modifierGroups: draft.groups.map((g) => ({
      name: g.name.trim(),
      minSelect: Number(g.minSelect),
      maxSelect: Number(g.maxSelect),
      options: g.options.map((o) => ({ name: o.name.trim(), priceDelta: { amount: parseAmount(o.price || '0', currency, true) ?? 0, currency } })),
    })),
  };
}
