import { faker } from '@faker-js/faker';

/** Seeded products are recognisable by SKU, so a rerun tops up instead of duplicating. */
export const SEED_SKU_PREFIX = 'SEED-';
const SKU_DIGITS = 7;

export function seedSku(index: number): string {
  return `${SEED_SKU_PREFIX}${String(index).padStart(SKU_DIGITS, '0')}`;
}

export interface SeedCategory {
  slug: string;
  name: string;
}

/** The categories seeded products go in (slugs prefixed `seed-`, beside any real ones). */
export const SEED_CATEGORIES: readonly SeedCategory[] = [
  'Breakfast',
  'Starters',
  'Soups',
  'Salads',
  'Pizza',
  'Pasta',
  'Burgers',
  'Sandwiches',
  'Grill',
  'Seafood',
  'Curries',
  'Noodles',
  'Sushi',
  'Tacos',
  'Vegan',
  'Kids',
  'Sides',
  'Desserts',
  'Bakery',
  'Cold drinks',
  'Hot drinks',
  'Smoothies',
  'Deli',
  'Pantry',
].map((name) => ({ name, slug: `seed-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` }));

const TAGS = ['vegetarian', 'vegan', 'spicy', 'gluten-free', 'bestseller', 'new', 'seasonal', 'organic', 'dairy-free', 'nut-free', 'kids', 'sharing'];

export interface FakeProduct {
  sku: string;
  name: string;
  description: string;
  /** Index into SEED_CATEGORIES. */
  category: number;
  priceAmount: number;
  tags: string[];
  onHand: number;
}

/** Faker is seeded once per block of this many products (re-seeding per product costs more than making one). */
export const SEED_BLOCK = 1000;

/**
 * Products `from` to `to` (inclusive, 1-based) of the seeded catalog. Faker is seeded per block
 * (from the run's seed and the block number) and a block is always generated from its start, so a
 * product is the same whichever run or batch makes it.
 */
export function fakeProducts(from: number, to: number, seed: number): FakeProduct[] {
  const products: FakeProduct[] = [];
  for (let block = Math.floor((from - 1) / SEED_BLOCK); block * SEED_BLOCK < to; block += 1) {
    faker.seed([seed, block]);
    for (let index = block * SEED_BLOCK + 1; index <= Math.min(to, (block + 1) * SEED_BLOCK); index += 1) {
      const product = fakeProduct(index);
      if (index >= from) products.push(product);
    }
  }
  return products;
}

function fakeProduct(index: number): FakeProduct {
  const dish = faker.food.dish();
  const style = faker.helpers.maybe(() => faker.food.ethnicCategory(), { probability: 0.35 });
  const adjective = faker.helpers.maybe(() => faker.food.adjective(), { probability: 0.5 });
  const name = [adjective && !dish.toLowerCase().includes(adjective) && capitalise(adjective), style, dish].filter(Boolean).join(' ');
  // Most dishes cost 5 to 25 in the store currency, a few far more; prices end in 0 or 5.
  const price = faker.helpers.weightedArrayElement([
    { weight: 15, value: faker.number.int({ min: 150, max: 500 }) },
    { weight: 70, value: faker.number.int({ min: 500, max: 2500 }) },
    { weight: 15, value: faker.number.int({ min: 2500, max: 9000 }) },
  ]);
  return {
    sku: seedSku(index),
    name: name.slice(0, 200),
    description: faker.food.description().slice(0, 5000),
    category: faker.number.int({ min: 0, max: SEED_CATEGORIES.length - 1 }),
    priceAmount: Math.round(price / 5) * 5,
    tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 3 }),
    onHand: faker.helpers.maybe(() => 0, { probability: 0.1 }) ?? faker.number.int({ min: 1, max: 200 }),
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
