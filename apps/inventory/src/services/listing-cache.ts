import { LRUCache } from 'lru-cache';

/**
 * A safety net, and how old the sales tie-breaker of a kept ranking may get (units sold notify
 * nothing, see the listing-channels migration); entries normally leave on a catalog change.
 */
export const LISTING_CACHE_MAX_AGE_MS = 60_000;

/** Where a page was read: the catalog generation and the generation of its figures (stock, ratings). */
export interface ListingReadToken {
  catalog: number;
  figures: number;
}

export interface KeptListing {
  /** The page as served (JSON), with its figures as of `figuresFresh`. */
  json: string;
  /** False when stock or ratings changed since the page was read: its figures must be read again. */
  figuresFresh: boolean;
}

interface Entry {
  json: string;
  figures: number;
  /** Pages whose matches or order depend on the figures (in stock only, by rating) cannot be patched. */
  dropOnFigures: boolean;
}

/**
 * Whole listing pages (search results included) of this instance, as served JSON, kept until the
 * catalog changes. A shopper's search box asks the same few thousand queries (each keystroke of
 * popular dishes) over and over, and an uncached ranked query costs Postgres 15-200 ms on 100k
 * products.
 *
 * Correctness rests on generations: a page may only be stored under the generations it was read
 * in, and every change notification (delivered by Postgres after the change commits) starts a new
 * one. A page read before a commit and finished after its notification is therefore discarded,
 * never kept. Stock and rating changes only mark the kept pages' figures stale (the caller reads
 * them again and stores the patched page) unless the page's matches depend on them. While no change
 * feed is connected the cache keeps nothing, since changes would go unnoticed.
 */
export class ListingCache {
  private readonly pages: LRUCache<string, Entry> | null;
  private catalog = 0;
  private figures = 0;
  private live = false;

  constructor(maxBytes: number) {
    this.pages =
      maxBytes > 0 ? new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (entry, key) => entry.json.length + key.length + 64, ttl: LISTING_CACHE_MAX_AGE_MS }) : null;
  }

  get enabled(): boolean {
    return this.pages !== null;
  }

  /** The generations to pass to `set` or `refreshed` for a page about to be read. */
  begin(): ListingReadToken {
    return { catalog: this.catalog, figures: this.figures };
  }

  get(key: string): KeptListing | undefined {
    if (!this.live || !this.pages) return undefined;
    const entry = this.pages.get(key);
    if (!entry) return undefined;
    if (entry.figures === this.figures) return { json: entry.json, figuresFresh: true };
    if (entry.dropOnFigures) {
      this.pages.delete(key);
      return undefined;
    }
    return { json: entry.json, figuresFresh: false };
  }

  /** Keeps a page read under `token`, unless the catalog or its figures changed since or no change feed is up. */
  set(key: string, token: ListingReadToken, json: string, options: { dropOnFigures: boolean }): void {
    if (this.live && token.catalog === this.catalog && token.figures === this.figures) {
      this.pages?.set(key, { json, figures: token.figures, dropOnFigures: options.dropOnFigures });
    }
  }

  /** Stores a kept page whose figures were read again under `token` (the page itself is unchanged). */
  refreshed(key: string, token: ListingReadToken, json: string): void {
    if (this.live && token.catalog === this.catalog) this.pages?.set(key, { json, figures: token.figures, dropOnFigures: false });
  }

  /** The catalog changed: everything kept may be stale. */
  catalogChanged(): void {
    this.catalog += 1;
    this.pages?.clear();
  }

  /** Stock or ratings changed: kept pages must read their figures again before they are served. */
  figuresChanged(): void {
    this.figures += 1;
  }

  /** The change feed is connected (again): start keeping pages, from an empty cache. */
  resume(): void {
    this.catalogChanged();
    this.figuresChanged();
    this.live = true;
  }

  /** The change feed is lost: keep nothing until it is back. */
  suspend(): void {
    this.live = false;
    this.catalogChanged();
    this.figuresChanged();
  }
}
