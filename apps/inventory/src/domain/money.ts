import { Money } from '@galley/contracts';

/**
 * Problems with an amount of money at `field` in a store that sells in `storeCurrency`: integer
 * minor units, never negative, in the one store currency. Empty when it is fine.
 */
export function moneyProblems(field: string, money: Money, storeCurrency: string): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(money.amount)) problems.push(`${field}.amount must be an integer number of minor units`);
  else if (money.amount < 0) problems.push(`${field}.amount must not be negative`);
  if (money.currency !== storeCurrency) problems.push(`${field}.currency must be the store currency ${storeCurrency}`);
  return problems;
}
