export type Money = { amount: number; currency: string };

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f;
}

/** How many minor units a currency's major unit has, as a power of ten (USD 2, JPY 0, BHD 3). */
export function currencyExponent(currency: string): number {
  return formatterFor(currency, 'en-US').resolvedOptions().maximumFractionDigits ?? 2;
}

/** The one money formatter: integer minor units in their currency → text ("$12.50", "¥1,200"). */
export function formatMoney(money: Money, locale = defaultLocale()): string {
  const exponent = currencyExponent(money.currency);
  return formatterFor(money.currency, locale).format(money.amount / 10 ** exponent);
}

function defaultLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US';
}
