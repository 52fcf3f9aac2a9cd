import { LRUCache } from 'lru-cache';
import { FacetCounts, ProductFilter } from '../repositories/products.repository';

/** Facet counts over at least this many matches are kept for a while; smaller ones are always exact. */
export const FACET_CACHE_MIN_MATCHES = 2000;
export const FACET_CACHE_TTL_MS = 30_000;

/**
 * Facet counts of broad queries (the whole catalog, a large category, a price band), which cost a
 * pass over every match (100-200 ms at 100k products) for numbers a shopper reads as "about
 * 35,000". They are kept for FACET_CACHE_TTL_MS per filter, so the next pages and the next
 * shoppers only fetch their page; queries with fewer matches, where a new product visibly changes
 * a count, are never kept.
 */
export class FacetCache {
  private readonly kept = new LRUCache<string, FacetCounts>({ max: 1000, ttl: FACET_CACHE_TTL_MS });

  peek(filter: ProductFilter): FacetCounts | undefined {
    return this.kept.get(keyOf(filter));
  }

  /** Keeps freshly counted facets when they are broad enough to be worth it. */
  remember(filter: ProductFilter, counts: FacetCounts): void {
    const matches = counts.priceBands.reduce((total, band) => total + band.count, 0);
    if (matches >= FACET_CACHE_MIN_MATCHES) this.kept.set(keyOf(filter), counts);
  }
}

function keyOf(filter: ProductFilter): string {
  return JSON.stringify([filter.q ?? null, filter.categoryIds ? [...filter.categoryIds].sort() : null, filter.minPrice ?? null, filter.maxPrice ?? null, filter.inStock === true]);
}
