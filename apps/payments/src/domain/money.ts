import { Money } from '@galley/contracts';

export type AmountParse = { ok: true; amount: number | null } | { ok: false; problem: string };

const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/**
 * A refund amount as clients send it: omitted (everything still refundable, `null`), an integer
 * of minor units in the store currency, or `{amount, currency}` whose currency must be the store's.
 */
export function parseRefundAmount(input: unknown, storeCurrency: string): AmountParse {
  if (input === undefined || input === null) return { ok: true, amount: null };
  if (typeof input === 'number') return positiveInteger(input);
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problem: 'amount must be an integer of minor units or {amount, currency}' };
  }
  const { amount, currency, ...rest } = input as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) return { ok: false, problem: `amount.${extra[0]} should not exist` };
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return { ok: false, problem: 'amount.currency must be an ISO 4217 code such as USD' };
  if (currency !== storeCurrency) return { ok: false, problem: `amount.currency must be the store currency ${storeCurrency}` };
  if (typeof amount !== 'number') return { ok: false, problem: 'amount.amount must be an integer of minor units' };
  const parsed = positiveInteger(amount);
  return parsed.ok ? parsed : { ok: false, problem: parsed.problem.replace(/^amount/, 'amount.amount') };
}

function positiveInteger(value: number): AmountParse {
  if (!Number.isSafeInteger(value)) return { ok: false, problem: 'amount must be an integer of minor units' };
  if (value < 1 || value > MAX_AMOUNT) return { ok: false, problem: 'amount must be at least 1' };
  return { ok: true, amount: value };
}

/** What a payment still has to give back: captured, less refunds done and refunds under way. */
export function refundableAmount(payment: { captured: number; refunded: number; pendingRefunds: number }): number {
  return Math.max(0, payment.captured - payment.refunded - payment.pendingRefunds);
}

export function formatMoney(money: Money): string {
  return `${money.amount} ${money.currency}`;
}
