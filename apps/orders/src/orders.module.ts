import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, verifierFromSettings } from '@galley/auth';
import { ServiceConfig, verifierSettingsOf } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { ORDERS_CONFIG, OrdersConfig } from './config/orders-config';
import { PaymentDisputedConsumer } from './consumers/payment-disputed.consumer';
import { PaymentFailedConsumer } from './consumers/payment-failed.consumer';
import { PaymentIntentCreatedConsumer } from './consumers/payment-intent-created.consumer';
import { PaymentRefundFailedConsumer } from './consumers/payment-refund-failed.consumer';
import { PaymentRefundedConsumer } from './consumers/payment-refunded.consumer';
import { PaymentSucceededConsumer } from './consumers/payment-succeeded.consumer';
import { ProductArchivedConsumer } from './consumers/product-archived.consumer';
import { ProductCreatedConsumer } from './consumers/product-created.consumer';
import { ProductUpdatedConsumer } from './consumers/product-updated.consumer';
import { StockRejectedConsumer } from './consumers/stock-rejected.consumer';
import { StockReservationExpiredConsumer } from './consumers/stock-reservation-expired.consumer';
import { StockReservedConsumer } from './consumers/stock-reserved.consumer';
import { AdminOrdersController } from './controllers/admin-orders.controller';
import { OrdersController } from './controllers/orders.controller';
import { StoreSettingsController } from './controllers/store-settings.controller';
import { StoreController } from './controllers/store.controller';
import { OrdersStore } from './repositories/orders-store';
import { ordersSchema } from './schema/orders.schema';
import { CatalogReadModelService } from './services/catalog-read-model.service';
import { CheckoutService } from './services/checkout.service';
import { IdempotencyKeySweeper } from './services/idempotency-key-sweeper.service';
import { OrderStatusWriter } from './services/order-status-writer';
import { DashboardService } from './services/dashboard.service';
import { OrdersService } from './services/orders.service';
import { SagaService } from './services/saga.service';
import { StoreSettingsService } from './services/store-settings.service';
import { OrderStateMetrics } from './metrics/order-state.metrics';

@Module({})
export class OrdersModule {
  static forRoot(config: ServiceConfig, orders: OrdersConfig): DynamicModule {
    return {
      module: OrdersModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'orders', config, schema: ordersSchema }),
        // Every route needs a valid access token; keys come from users' JWKS.
        AuthModule.forRoot(verifierFromSettings(verifierSettingsOf(orders))),
      ],
      controllers: [
        OrdersController,
        AdminOrdersController,
        StoreSettingsController,
        StoreController,
        // Event handlers (@HandlesEvent), served by Galley's event transport.
        ProductCreatedConsumer,
        ProductUpdatedConsumer,
        ProductArchivedConsumer,
        StockReservedConsumer,
        StockRejectedConsumer,
        StockReservationExpiredConsumer,
        PaymentIntentCreatedConsumer,
        PaymentSucceededConsumer,
        PaymentFailedConsumer,
        PaymentDisputedConsumer,
        PaymentRefundFailedConsumer,
        PaymentRefundedConsumer,
      ],
      providers: [
        { provide: ORDERS_CONFIG, useValue: orders },
        OrdersStore,
        OrderStatusWriter,
        CheckoutService,
        OrdersService,
        DashboardService,
        SagaService,
        StoreSettingsService,
        CatalogReadModelService,
        IdempotencyKeySweeper,
        OrderStateMetrics,
      ],
    };
  }
}
