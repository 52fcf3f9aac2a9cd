import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ProductListQuery } from './product.dto';

/** The fields a query string fails on, the way the global ValidationPipe checks it. */
function failingFields(query: Record<string, unknown>): string[] {
  const errors = validateSync(plainToInstance(ProductListQuery, query), { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((error) => error.property).sort();
}

describe(ProductListQuery.name, () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{}, []],
    [{ q: 'pizza', category: 'pizzas', minPrice: '0', maxPrice: '1500', inStock: 'true', sort: 'price', limit: '100' }, []],
    [{ q: '   ' }, []],
    [{ q: 'x'.repeat(201) }, ['q']],
    [{ minPrice: '-1' }, ['minPrice']],
    [{ minPrice: 'abc' }, ['minPrice']],
    [{ maxPrice: '12.5' }, ['maxPrice']],
    [{ maxPrice: ['1', '2'] }, ['maxPrice']],
    [{ inStock: 'yes' }, ['inStock']],
    [{ inStock: 'false' }, []],
    [{ sort: 'cheapest' }, ['sort']],
    [{ sort: 'oldest' }, ['sort']],
    [{ sort: '-price' }, []],
    [{ limit: '0' }, ['limit']],
    [{ limit: '101' }, ['limit']],
    [{ colour: 'red' }, ['colour']],
  ])('for %j fails on %j', (query, fields) => {
    expect(failingFields(query)).toEqual(fields);
  });

  it('reads a blank q as no q', () => {
    expect(plainToInstance(ProductListQuery, { q: '  ' }).q).toBeUndefined();
    expect(plainToInstance(ProductListQuery, { q: ' pizza ' }).q).toBe('pizza');
  });
});
