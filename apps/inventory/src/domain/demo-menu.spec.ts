import { DEMO_MENU } from './demo-menu';
import { modifierGroupProblems } from './modifier-rules';
import { SLUG_PATTERN } from './slug';

const dishes = DEMO_MENU.flatMap((category) => category.dishes);

describe('DEMO_MENU', () => {
  it('has a dozen or more dishes with unique SKUs and names over valid category slugs', () => {
    expect(dishes.length).toBeGreaterThanOrEqual(12);
    expect(new Set(dishes.map((dish) => dish.sku)).size).toBe(dishes.length);
    expect(new Set(dishes.map((dish) => dish.name)).size).toBe(dishes.length);
    for (const category of DEMO_MENU) expect(category.slug).toMatch(SLUG_PATTERN);
  });

  it.each(dishes.map((dish) => [dish.name, dish] as const))('%s passes the catalog rules', (_name, dish) => {
    expect(Number.isInteger(dish.price) && dish.price > 0).toBe(true);
    expect(dish.stock).toBeGreaterThan(0);
    const groups = dish.modifierGroups.map((group) => ({
      ...group,
      options: group.options.map((option) => ({ name: option.name, priceDelta: { amount: option.priceDelta, currency: 'USD' } })),
    }));
    expect(modifierGroupProblems(groups, 'USD')).toEqual([]);
  });
});
