import { LRUCache } from 'lru-cache';

/** A safety net only: entries normally leave on a catalog change, long before this. */
export const LISTING_CACHE_MAX_AGE_MS = 5 * 60_000;

/**
 * Whole listing pages (search results included) of this instance, kept until the catalog changes.
 * A shopper's search box asks the same few thousand queries (each keystroke of popular dishes)
 * over and over, and an uncached ranked query costs Postgres 15-150 ms on 100k products.
 *
 * Correctness rests on the generation: a page may only be stored under the generation it was read
 * in, and every change notification (delivered by Postgres after the change commits) starts a new
 * one. A page read before a commit and finished after its notification is therefore discarded,
 * never kept. While no change feed is connected the cache keeps nothing, since changes would go
 * unnoticed.
 */
export class ListingCache<V extends object> {
  private readonly pages: LRUCache<string, V> | null;
  private generation = 0;
  private live = false;

  constructor(maxEntries: number) {
    this.pages = maxEntries > 0 ? new LRUCache<string, V>({ max: maxEntries, ttl: LISTING_CACHE_MAX_AGE_MS }) : null;
  }

  get enabled(): boolean {
    return this.pages !== null;
  }

  get size(): number {
    return this.pages?.size ?? 0;
  }

  /** The page kept for the key, if any. */
  get(key: string): V | undefined {
    return this.live ? this.pages?.get(key) : undefined;
  }

  /** The generation to pass to `set` for a page about to be read. */
  begin(): number {
    return this.generation;
  }

  /** Keeps a page read in `generation`, unless the catalog changed since or no change feed is up. */
  set(key: string, generation: number, page: V): void {
    if (this.live && generation === this.generation) this.pages?.set(key, page);
  }

  /** The catalog changed: everything kept may be stale. */
  invalidate(): void {
    this.generation += 1;
    this.pages?.clear();
  }

  /** The change feed is connected (again): start keeping pages, from an empty cache. */
  resume(): void {
    this.invalidate();
    this.live = true;
  }

  /** The change feed is lost: keep nothing until it is back. */
  suspend(): void {
    this.live = false;
    this.invalidate();
  }
}
