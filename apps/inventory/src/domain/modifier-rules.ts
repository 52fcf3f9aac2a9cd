import { Money } from '@galley/contracts';
import { moneyProblems } from './money';

export interface ModifierOptionInput {
  name: string;
  priceDelta: Money;
}

export interface ModifierGroupInput {
  name: string;
  minSelect: number;
  maxSelect: number;
  options: ModifierOptionInput[];
}

/** At most this many groups per product (the event contracts carry at most 50). */
export const MAX_MODIFIER_GROUPS = 50;

/**
 * Problems with a product's modifier groups, each naming its field: `0 ≤ minSelect ≤ maxSelect ≤`
 * the number of options, option price deltas in the store currency and not negative.
 */
export function modifierGroupProblems(groups: readonly ModifierGroupInput[], storeCurrency: string): string[] {
  if (groups.length > MAX_MODIFIER_GROUPS) return [`modifierGroups must have at most ${MAX_MODIFIER_GROUPS} groups`];
  return groups.flatMap((group, index) => {
    const field = `modifierGroups[${index}]`;
    const problems: string[] = [];
    if (!Number.isInteger(group.minSelect) || group.minSelect < 0) problems.push(`${field}.minSelect must be an integer of at least 0`);
    else if (group.minSelect > group.maxSelect) problems.push(`${field}.minSelect must not exceed maxSelect`);
    if (!Number.isInteger(group.maxSelect) || group.maxSelect < 0) problems.push(`${field}.maxSelect must be an integer of at least 0`);
    else if (group.maxSelect > group.options.length) problems.push(`${field}.maxSelect must not exceed the number of options (${group.options.length})`);
    group.options.forEach((option, optionIndex) => {
      problems.push(...moneyProblems(`${field}.options[${optionIndex}].priceDelta`, option.priceDelta, storeCurrency));
    });
    return problems;
  });
}
