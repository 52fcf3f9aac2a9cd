import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule, verifierFromSettings } from '@galley/auth';
import { ServiceConfig, verifierSettingsOf } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { InventoryConfig } from './config/inventory-config';
import { INVENTORY_CONFIG } from './config/inventory-config.token';
import { OrderCancelledConsumer } from './consumers/order-cancelled.consumer';
import { OrderPlacedConsumer } from './consumers/order-placed.consumer';
import { PaymentSucceededConsumer } from './consumers/payment-succeeded.consumer';
import { ReviewRatingChangedConsumer } from './consumers/review-rating-changed.consumer';
import { CategoriesController } from './controllers/categories.controller';
import { ImagesController } from './controllers/images.controller';
import { ListingCacheInterceptor } from './controllers/listing-cache.interceptor';
import { ProductsController } from './controllers/products.controller';
import { SearchSynonymsController } from './controllers/search-synonyms.controller';
import { StockController } from './controllers/stock.controller';
import { IMAGE_STORAGE } from './repositories/image-storage';
import { imageStorageFor } from './repositories/image-storage.factory';
import { InventoryStore } from './repositories/inventory-store';
import { inventorySchema } from './schema/inventory.schema';
import { CatalogService } from './services/catalog.service';
import { DemoCatalogLoader } from './services/demo-catalog.service';
import { ProductImagesService } from './services/product-images.service';
import { ProductListingsService } from './services/product-listings.service';
import { RatingsService } from './services/ratings.service';
import { ReservationSweeper } from './services/reservation-sweeper.service';
import { ReservationsService } from './services/reservations.service';
import { SearchSynonymsService } from './services/search-synonyms.service';
import { StockService } from './services/stock.service';

@Module({})
export class InventoryModule {
  static forRoot(config: ServiceConfig, inventory: InventoryConfig): DynamicModule {
    return {
      module: InventoryModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'inventory', config, schema: inventorySchema }),
        // Every route needs a valid access token unless @Public(); keys come from users' JWKS.
        AuthModule.forRoot(verifierFromSettings(verifierSettingsOf(inventory))),
      ],
      controllers: [
        CategoriesController,
        ProductsController,
        ImagesController,
        StockController,
        SearchSynonymsController,
        // Event handlers (@HandlesEvent), served by Galley's event transport.
        OrderPlacedConsumer,
        PaymentSucceededConsumer,
        OrderCancelledConsumer,
        ReviewRatingChangedConsumer,
      ],
      providers: [
        { provide: INVENTORY_CONFIG, useValue: inventory },
        // IMAGE_STORAGE: postgres (default, the service's own connection), s3 or disk.
        { provide: IMAGE_STORAGE, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => imageStorageFor(inventory, dataSource) },
        InventoryStore,
        CatalogService,
        StockService,
        ProductImagesService,
        RatingsService,
        ReservationsService,
        ReservationSweeper,
        DemoCatalogLoader,
        SearchSynonymsService,
        ProductListingsService,
        { provide: APP_INTERCEPTOR, useClass: ListingCacheInterceptor },
      ],
    };
  }
}
