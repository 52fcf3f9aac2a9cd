import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { INVENTORY_CONFIG } from '../config/inventory-config.token';
import { InventoryConfig } from '../config/inventory-config';
import { DEMO_MENU } from '../domain/demo-menu';
import { InventoryStore } from '../repositories/inventory-store';
import { CatalogService } from './catalog.service';
import { demoPicture } from './demo-pictures';
import { PreparedImage, ProductImagesService } from './product-images.service';
import { StockService } from './stock.service';

export type DemoLoadOutcome = { loaded: true; categories: number; products: number } | { loaded: false; reason: string };

/**
 * On first start with an empty catalog (and DEMO_CATALOG on), loads the demo restaurant menu:
 * categories, dishes with modifiers, stock and generated pictures, all in one transaction through
 * the normal services, so product.created and stock.changed go out through the outbox. A catalog
 * that has (or ever had) anything is never touched, so the menu loads at most once.
 */
@Injectable()
export class DemoCatalogLoader implements OnApplicationBootstrap {
  constructor(
    private readonly store: InventoryStore,
    private readonly catalog: CatalogService,
    private readonly stock: StockService,
    private readonly images: ProductImagesService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(DemoCatalogLoader.name);
  }

  /** Awaited before the app listens, so the first request already sees the menu. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_CATALOG) return;
    try {
      const outcome = await this.loadIfEmpty();
      if (outcome.loaded) this.logger.info(outcome, 'demo menu loaded into the empty catalog (DEMO_CATALOG=false turns this off)');
    } catch (error) {
      // A demo convenience must never keep the service from starting.
      this.logger.error({ err: error }, 'demo menu could not be loaded; the catalog stays empty');
    }
  }

  async loadIfEmpty(): Promise<DemoLoadOutcome> {
    if (!(await this.store.read.categories.catalogIsEmpty())) return { loaded: false, reason: 'the catalog has data' };
    // Pictures are rendered before the transaction (CPU work), one at a time on a small machine.
    const pictures: PreparedImage[] = [];
    for (const category of DEMO_MENU) for (const dish of category.dishes) pictures.push(await this.images.prepare(await demoPicture(dish)));
    return this.store.transaction(async (tx) => {
      // Two instances starting at once: the second waits here, then finds the menu loaded.
      await tx.categories.lockCatalogSetup();
      if (!(await tx.categories.catalogIsEmpty())) return { loaded: false, reason: 'the catalog has data' };
      const currency = this.config.GALLEY_CURRENCY;
      let products = 0;
      for (const category of DEMO_MENU) {
        const { id: categoryId } = await this.catalog.createCategoryIn(tx, { name: category.name, slug: category.slug });
        for (const dish of category.dishes) {
          const productId = await this.catalog.createProductIn(tx, {
            name: dish.name,
            description: dish.description,
            categoryId,
            price: { amount: dish.price, currency },
            sku: dish.sku,
            tags: dish.tags,
            modifierGroups: dish.modifierGroups.map((group) => ({
              ...group,
              options: group.options.map((option) => ({ name: option.name, priceDelta: { amount: option.priceDelta, currency } })),
            })),
          });
          await this.stock.adjustIn(tx, productId, { delta: dish.stock, reason: 'demo menu: opening stock', actorId: null });
          await this.images.attachIn(tx, productId, pictures[products]);
          products += 1;
        }
      }
      return { loaded: true, categories: DEMO_MENU.length, products };
    });
  }
}
