import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { postgresConnectionOptions, ServiceConfig } from '@galley/config';
import { SERVICE_CONFIG } from '@galley/platform';
import { InventoryConfig } from '../config/inventory-config';
import { INVENTORY_CONFIG } from '../config/inventory-config.token';
import { CatalogChangeFeed } from '../repositories/catalog-change-feed';
import { CatalogService, ProductPage, ProductQuery } from './catalog.service';
import { ListingCache } from './listing-cache';

/**
 * The public product listing (`GET /api/products`, the search box included) with a cache of whole
 * pages per instance that every committed catalog change empties (see ListingCache). With
 * SEARCH_CACHE_ENTRIES=0 every request goes to the catalog.
 */
@Injectable()
export class ProductListingsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly cache: ListingCache<ProductPage>;
  private readonly feed: CatalogChangeFeed;

  constructor(
    private readonly catalog: CatalogService,
    @Inject(SERVICE_CONFIG) service: ServiceConfig,
    @Inject(INVENTORY_CONFIG) config: InventoryConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ProductListingsService.name);
    this.cache = new ListingCache(config.SEARCH_CACHE_ENTRIES);
    this.feed = new CatalogChangeFeed(() => new Client({ ...postgresConnectionOptions(service), application_name: 'galley-inventory-catalog-feed' }), {
      changed: () => this.cache.invalidate(),
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
    this.cache.invalidate();
  }

  async list(query: ProductQuery): Promise<ProductPage> {
    const key = JSON.stringify([query.q, query.category, query.minPrice, query.maxPrice, query.inStock, query.sort, query.cursor, query.limit]);
    const kept = this.cache.get(key);
    if (kept) return kept;
    const generation = this.cache.begin();
    const page = await this.catalog.listProducts(query);
    this.cache.set(key, generation, page);
    return page;
  }
}
