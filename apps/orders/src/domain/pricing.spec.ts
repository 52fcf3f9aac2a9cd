import { CatalogProduct, offSaleProblems, priceOrder } from './pricing';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const PIZZA_ID = '11111111-1111-4111-8111-111111111111';
const SODA_ID = '22222222-2222-4222-8222-222222222222';
const pizza: CatalogProduct = {
  id: PIZZA_ID,
  name: 'Margherita',
  price: usd(1000),
  archived: false,
  onSale: true,
  preparationMinutes: 12,
  modifierGroups: [
    {
      id: 'g-size',
      name: 'Size',
      minSelect: 1,
      maxSelect: 1,
      options: [
        { id: 'o-small', name: 'Small', priceDelta: usd(0) },
        { id: 'o-large', name: 'Large', priceDelta: usd(400) },
      ],
    },
    {
      id: 'g-extras',
      name: 'Extras',
      minSelect: 0,
      maxSelect: 2,
      options: [
        { id: 'o-olives', name: 'Olives', priceDelta: usd(150) },
        { id: 'o-basil', name: 'Basil', priceDelta: usd(50) },
        { id: 'o-chili', name: 'Chili', priceDelta: usd(75) },
      ],
    },
  ],
};
const soda: CatalogProduct = { id: SODA_ID, name: 'Soda', price: usd(250), archived: false, onSale: true, preparationMinutes: 0, modifierGroups: [] };
const catalog = new Map([
  [PIZZA_ID, pizza],
  [SODA_ID, soda],
]);

describe(priceOrder.name, () => {
  it('prices each line from the catalog, with modifier deltas, and sums the total', () => {
    const sut = priceOrder(
      [
        { productId: PIZZA_ID, quantity: 2, modifierOptionIds: ['o-large', 'o-olives'] },
        { productId: SODA_ID, quantity: 3 },
      ],
      catalog,
      'USD',
    );
    expect(sut).toMatchObject({
      ok: true,
      lines: [
        { name: 'Margherita', unitPrice: usd(1550), lineTotal: usd(3100), modifiers: [{ name: 'Large' }, { name: 'Olives' }] },
        { name: 'Soda', unitPrice: usd(250), lineTotal: usd(750), modifiers: [] },
      ],
      total: usd(3850),
    });
  });

  it.each([
    ['a missing required group', { productId: PIZZA_ID, quantity: 1, modifierOptionIds: [] }, 'choose exactly 1 from "Size"'],
    ['two options of a pick-one group', { productId: PIZZA_ID, quantity: 1, modifierOptionIds: ['o-small', 'o-large'] }, 'choose exactly 1 from "Size"'],
    ['more extras than allowed', { productId: PIZZA_ID, quantity: 1, modifierOptionIds: ['o-small', 'o-olives', 'o-basil', 'o-chili'] }, 'choose at most 2 from "Extras"'],
    ['an option of another product', { productId: SODA_ID, quantity: 1, modifierOptionIds: ['o-large'] }, 'o-large is not an option of Soda'],
    ['the same option twice', { productId: PIZZA_ID, quantity: 1, modifierOptionIds: ['o-small', 'o-small'] }, 'more than once'],
    ['an unknown product', { productId: '33333333-3333-4333-8333-333333333333', quantity: 1 }, 'lines[0].productId'],
    ['a zero quantity', { productId: SODA_ID, quantity: 0 }, 'lines[0].quantity'],
    ['a fractional quantity', { productId: SODA_ID, quantity: 1.5 }, 'lines[0].quantity'],
  ])('refuses %s, naming the field', (_case, line, message) => {
    const sut = priceOrder([line], catalog, 'USD');
    expect(sut.ok).toBe(false);
    expect(sut.ok === false && sut.problems.join('; ')).toContain(message);
  });

  it('refuses an archived product', () => {
    const sut = priceOrder([{ productId: SODA_ID, quantity: 1 }], new Map([[SODA_ID, { ...soda, archived: true }]]), 'USD');
    expect(sut.ok).toBe(false);
  });

  it('refuses a product priced in another currency than the store', () => {
    const sut = priceOrder([{ productId: SODA_ID, quantity: 1 }], catalog, 'EUR');
    expect(sut.ok === false && sut.problems[0]).toContain('not the store currency EUR');
  });

  it('reports every bad line, not just the first', () => {
    const sut = priceOrder(
      [
        { productId: SODA_ID, quantity: 0 },
        { productId: PIZZA_ID, quantity: 1 },
      ],
      catalog,
      'USD',
    );
    expect(sut.ok === false && sut.problems).toHaveLength(2);
  });
});

describe(offSaleProblems.name, () => {
  const catalog = new Map([
    [SODA_ID, { ...soda, onSale: false }],
    [pizza.id, pizza],
  ]);
  it.each([
    ['an on-sale product', [{ productId: pizza.id, quantity: 1 }], []],
    [
      'an off-sale product, naming its line',
      [
        { productId: pizza.id, quantity: 1 },
        { productId: SODA_ID, quantity: 2 },
      ],
      [`lines[1].productId: Soda (${SODA_ID}) is off sale right now`],
    ],
    ['an unknown product (left to pricing)', [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }], []],
  ])('%s', (_case, lines, expected) => {
    expect(offSaleProblems(lines, catalog)).toEqual(expected);
  });

  it('leaves an archived product to pricing', () => {
    expect(offSaleProblems([{ productId: SODA_ID, quantity: 1 }], new Map([[SODA_ID, { ...soda, onSale: false, archived: true }]]))).toEqual([]);
  });
});
