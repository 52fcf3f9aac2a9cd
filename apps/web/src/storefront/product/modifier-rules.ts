import type { Money } from '../../shared/format/money';
import type { ModifierGroup, Product } from '../catalog';

/** Chosen option ids per modifier group id. */
export type Selection = Readonly<Record<string, readonly string[]>>;

/** A group of at most one choice is a radio group; anything else is a checkbox group. */
export function isSingleChoice(group: Pick<ModifierGroup, 'maxSelect'>): boolean {
  return group.maxSelect === 1;
}

/**
 * The selection after the customer taps an option. A radio group replaces its choice; a
 * checkbox group adds or removes it, and ticking past `maxSelect` changes nothing.
 */
export function toggleOption(selection: Selection, group: Pick<ModifierGroup, 'id' | 'maxSelect' | 'minSelect'>, optionId: string): Selection {
  const current = selection[group.id] ?? [];
  if (isSingleChoice(group)) {
    if (current.includes(optionId)) {
      // An optional radio choice can be cleared by tapping it again; a required one stays.
      return group.minSelect > 0 ? selection : { ...selection, [group.id]: [] };
    }
    return { ...selection, [group.id]: [optionId] };
  }
  if (current.includes(optionId)) return { ...selection, [group.id]: current.filter((id) => id !== optionId) };
  if (current.length >= group.maxSelect) return selection;
  return { ...selection, [group.id]: [...current, optionId] };
}

/** Whether another option of a checkbox group may be ticked. */
export function canAddMore(selection: Selection, group: Pick<ModifierGroup, 'id' | 'maxSelect'>): boolean {
  return (selection[group.id] ?? []).length < group.maxSelect;
}

/** What is still missing in a group, as a sentence for the customer, or null when it is fine. */
export function groupProblem(selection: Selection, group: Pick<ModifierGroup, 'id' | 'minSelect' | 'maxSelect'>): string | null {
  const count = (selection[group.id] ?? []).length;
  if (count < group.minSelect) return `Choose at least ${group.minSelect}`;
  if (count > group.maxSelect) return `Choose at most ${group.maxSelect}`;
  return null;
}

/** "Required, choose 1", "Optional, up to 3", "Choose 2 to 4". */
export function groupHint(group: Pick<ModifierGroup, 'minSelect' | 'maxSelect'>): string {
  const { minSelect: min, maxSelect: max } = group;
  if (min === 0) return max === 1 ? 'Optional' : `Optional, up to ${max}`;
  if (min === max) return `Required, choose ${min}`;
  return `Required, choose ${min} to ${max}`;
}

export function isSelectionComplete(selection: Selection, groups: readonly ModifierGroup[]): boolean {
  return groups.every((g) => groupProblem(selection, g) === null);
}

/** The chosen option ids in the product's own order (stable for merging cart lines). */
export function selectedOptionIds(selection: Selection, groups: readonly ModifierGroup[]): string[] {
  return groups.flatMap((g) => g.options.filter((o) => (selection[g.id] ?? []).includes(o.id)).map((o) => o.id));
}

/** Base price plus the price deltas of the chosen options, per item. */
export function unitPrice(product: Pick<Product, 'price' | 'modifierGroups'>, optionIds: readonly string[]): Money {
  let amount = product.price.amount;
  for (const group of product.modifierGroups) {
    for (const option of group.options) if (optionIds.includes(option.id)) amount += option.priceDelta.amount;
  }
  return { amount, currency: product.price.currency };
}

/** "Large, Extra cheese" for the chosen options. */
export function optionNames(product: Pick<Product, 'modifierGroups'>, optionIds: readonly string[]): string[] {
  return product.modifierGroups.flatMap((g) => g.options.filter((o) => optionIds.includes(o.id)).map((o) => o.name));
}

/** Whether every chosen option still exists on the product (menus change). */
export function optionsStillOffered(product: Pick<Product, 'modifierGroups'>, optionIds: readonly string[]): boolean {
  const offered = new Set(product.modifierGroups.flatMap((g) => g.options.map((o) => o.id)));
  return optionIds.every((id) => offered.has(id));
}
