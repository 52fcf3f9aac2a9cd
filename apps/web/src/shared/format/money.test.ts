import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney } from './money';

describe('formatMoney', () => {
  it.each([
    [{ amount: 1250, currency: 'USD' }, '$12.50'],
    [{ amount: 0, currency: 'USD' }, '$0.00'],
    [{ amount: 5, currency: 'USD' }, '$0.05'],
    [{ amount: 123456789, currency: 'USD' }, '$1,234,567.89'],
    [{ amount: -300, currency: 'USD' }, '-$3.00'],
    [{ amount: 1200, currency: 'JPY' }, '¥1,200'],
    [{ amount: 1234, currency: 'BHD' }, 'BHD 1.234'],
    [{ amount: 999, currency: 'EUR' }, '€9.99'],
  ])('formats %o as %s in en-US', (money, text) => {
    expect(formatMoney(money, 'en-US').replace(/\u00a0/g, ' ')).toBe(text);
  });

  it('uses the locale for separators', () => {
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de-DE').replace(/\u00a0/g, ' ')).toBe('1.234,56 €');
  });
});

describe('currencyExponent', () => {
  it.each([
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i decimals', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });
});
