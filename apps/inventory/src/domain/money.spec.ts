import { moneyProblems } from './money';

describe(moneyProblems.name, () => {
  it.each<[string, { amount: number; currency: string }, string[]]>([
    ['accepts an amount in the store currency', { amount: 1250, currency: 'USD' }, []],
    ['accepts zero', { amount: 0, currency: 'USD' }, []],
    ['refuses a negative amount', { amount: -1, currency: 'USD' }, ['price.amount must not be negative']],
    ['refuses a fraction', { amount: 12.5, currency: 'USD' }, ['price.amount must be an integer number of minor units']],
    ['refuses another currency', { amount: 100, currency: 'EUR' }, ['price.currency must be the store currency USD']],
    ['names both problems', { amount: -5, currency: 'EUR' }, ['price.amount must not be negative', 'price.currency must be the store currency USD']],
  ])('%s', (_case, money, expected) => {
    expect(moneyProblems('price', money, 'USD')).toEqual(expected);
  });
});
