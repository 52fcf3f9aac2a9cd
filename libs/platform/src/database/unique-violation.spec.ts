import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './unique-violation';

const failed = (driverError: object) => new QueryFailedError('INSERT …', [], Object.assign(new Error('refused'), driverError));

describe(isUniqueViolation.name, () => {
  it.each([
    ['the named constraint', failed({ code: '23505', constraint: 'products_sku_key' }), true],
    ['another unique constraint', failed({ code: '23505', constraint: 'products_slug_key' }), false],
    ['another SQLSTATE on that constraint', failed({ code: '23503', constraint: 'products_sku_key' }), false],
    ['an error that is not a query failure', Object.assign(new Error('x'), { code: '23505', constraint: 'products_sku_key' }), false],
  ])('answers for %s', (_what, error, expected) => {
    expect(isUniqueViolation(error, 'products_sku_key')).toBe(expected);
  });
});
