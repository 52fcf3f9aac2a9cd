import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { Counter } from 'prom-client';
import { postgresConnectionOptions, ServiceConfig } from '@galley/config';
import { SERVICE_CONFIG } from '@galley/platform';
import { InventoryConfig } from '../config/inventory-config';
import { INVENTORY_CONFIG } from '../config/inventory-config.token';
import { mapProduct, ProductListResponse } from '../dtos/product.dto';
import { CatalogChangeFeed } from '../repositories/catalog-change-feed';
import { InventoryStore } from '../repositories/inventory-store';
import { CatalogService, ProductPage, ProductQuery } from './catalog.service';
import { ListingCache } from './listing-cache';

const listingRequests = new Counter({
  name: 'galley_listing_cache_requests_total',
  help: 'Product listing requests by how the listing cache answered them: hit, figures (kept page, stock and rating read again) or miss',
  labelNames: ['outcome'],
});

/**
 * The public product listing (`GET /api/products`, the search box included) with a cache of whole
 * pages per instance (see ListingCache): every committed catalog change empties it, and stock or
 * rating changes make a kept page read its items' figures again (one indexed query) instead of the
 * whole ranked search. With SEARCH_CACHE_MB=0 every request goes to the catalog.
 */
@Injectable()
export class ProductListingsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly cache: ListingCache;
  private readonly feed: CatalogChangeFeed;

  constructor(
    private readonly catalog: CatalogService,
    private readonly store: InventoryStore,
    @Inject(SERVICE_CONFIG) service: ServiceConfig,
    @Inject(INVENTORY_CONFIG) config: InventoryConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ProductListingsService.name);
    this.cache = new ListingCache(config.SEARCH_CACHE_MB * 1024 * 1024);
    this.feed = new CatalogChangeFeed(() => new Client({ ...postgresConnectionOptions(service), application_name: 'galley-inventory-catalog-feed' }), {
      catalogChanged: () => this.cache.catalogChanged(),
      figuresChanged: () => this.cache.figuresChanged(),
      up: () => {
        this.cache.resume();
        this.logger.info('listing cache on: following catalog changes');
      },
      down: (error) => {
        this.cache.suspend();
        this.logger.warn({ err: error }, 'catalog change feed lost; listings are read uncached until it is back');
      },
    });
  }

  onApplicationBootstrap(): void {
    if (this.cache.enabled) this.feed.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }

  /**
   * Drops the kept pages now: a write through this instance has just committed. Its notification
   * follows within milliseconds anyway; this makes the writer's own next read certain to see it.
   */
  writeCommitted(): void {
    this.cache.catalogChanged();
  }

  async list(query: ProductQuery): Promise<ProductListResponse> {
    const key = JSON.stringify([query.q, query.category, query.minPrice, query.maxPrice, query.inStock, query.sort, query.cursor, query.limit]);
    const token = this.cache.begin();
    const kept = this.cache.get(key);
    if (kept?.figuresFresh) {
      listingRequests.inc({ outcome: 'hit' });
      return JSON.parse(kept.json) as ProductListResponse;
    }
    if (kept) {
      listingRequests.inc({ outcome: 'figures' });
      const page = JSON.parse(kept.json) as ProductListResponse;
      const figures = new Map((await this.store.read.listingFigures.ofProducts(page.items.map((item) => item.id))).map((row) => [row.id, row]));
      for (const item of page.items) {
        const current = figures.get(item.id);
        if (!current) continue; // gone: its archiving is a catalog change, which drops the page
        item.available = current.onHand - current.reserved;
        item.rating = { average: current.ratingAverage, count: current.ratingCount };
      }
      this.cache.refreshed(key, token, JSON.stringify(page));
      return page;
    }
    listingRequests.inc({ outcome: 'miss' });
    const page = listResponseOf(await this.catalog.listProducts(query));
    // In-stock filters and rating order depend on the figures themselves: such pages are read anew.
    this.cache.set(key, token, JSON.stringify(page), { dropOnFigures: query.inStock === true || query.sort === 'rating' });
    return page;
  }
}

function listResponseOf(page: ProductPage): ProductListResponse {
  return {
    items: page.items.map((item) => ({ ...mapProduct(item), nameHighlights: item.nameHighlights })),
    correctedQuery: page.correctedQuery,
    nextCursor: page.nextCursor,
    facets: page.facets,
  };
}
