import { slugify } from './slug';

describe(slugify.name, () => {
  it.each<[string, string]>([
    ['Pizza', 'pizza'],
    ['Hot Drinks', 'hot-drinks'],
    ['  Crème brûlée & Co. ', 'creme-brulee-co'],
    ['Salads -- fresh!', 'salads-fresh'],
    ['日本', ''],
  ])('turns %j into %j', (name, expected) => {
    expect(slugify(name)).toBe(expected);
  });
});
