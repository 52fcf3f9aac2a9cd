import { FacetCounts } from '../repositories/products.repository';
import { FACET_CACHE_MIN_MATCHES, FacetCache } from './facet-cache';

const counts = (matches: number): FacetCounts => ({ categories: [], priceBands: [{ band: 0, count: matches }] });

describe(FacetCache.name, () => {
  it('keeps the counts of a broad query', () => {
    const sut = new FacetCache();
    sut.remember({ inStock: true }, counts(FACET_CACHE_MIN_MATCHES));
    expect(sut.peek({ inStock: true })).toEqual(counts(FACET_CACHE_MIN_MATCHES));
  });

  it('never keeps a narrow query, where one new product visibly changes a count', () => {
    const sut = new FacetCache();
    sut.remember({ q: 'soup' }, counts(FACET_CACHE_MIN_MATCHES - 1));
    expect(sut.peek({ q: 'soup' })).toBeUndefined();
  });

  it('tells filters apart, whatever the order of the category ids', () => {
    const sut = new FacetCache();
    sut.remember({ categoryIds: ['a', 'b'] }, counts(5000));
    expect(sut.peek({ categoryIds: ['b', 'a'] })).toEqual(counts(5000));
    expect(sut.peek({ categoryIds: ['a'] })).toBeUndefined();
    expect(sut.peek({ categoryIds: ['a', 'b'], minPrice: 1 })).toBeUndefined();
    expect(sut.peek({ categoryIds: ['a', 'b'], inStock: true })).toBeUndefined();
    expect(sut.peek({})).toBeUndefined();
  });
});
