import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';
import { InventoryCatalog1795620161648 } from './inventory-catalog.migration';
import { InventoryCatalogChanges1796300000000 } from './inventory-catalog-changes.migration';
import { InventoryListingChannels1796400000000 } from './inventory-listing-channels.migration';
import { InventoryCategoryPosition1796000000000 } from './inventory-category-position.migration';
import { InventoryImageBlobs1796200000000 } from './inventory-image-blobs.migration';
import { InventoryImagesRatings1795712063217 } from './inventory-images-ratings.migration';
import { InventoryOnSale1795800000001 } from './inventory-on-sale.migration';
import { InventoryOptionalThreshold1795900000000 } from './inventory-optional-threshold.migration';
import { InventorySearch1795621442134 } from './inventory-search.migration';
import { InventorySearchTypos1796100000000 } from './inventory-search-typos.migration';

/**
 * Everything TypeORM knows about the `inventory` schema: its ordered migrations. The repositories
 * query with SQL (row locks in a fixed order, CHECK-guarded updates), so no entity is registered.
 */
export const inventorySchema: ServiceSchema = {
  entities: [],
  migrations: [
    messagingTablesV1Migration('inventory'),
    InventoryCatalog1795620161648,
    InventorySearch1795621442134,
    InventoryImagesRatings1795712063217,
    InventoryOnSale1795800000001,
    InventoryOptionalThreshold1795900000000,
    InventoryCategoryPosition1796000000000,
    InventorySearchTypos1796100000000,
    InventoryImageBlobs1796200000000,
    InventoryCatalogChanges1796300000000,
    InventoryListingChannels1796400000000,
  ],
};
