import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SchemaStore, StoreTransaction } from '@galley/platform';
import { CatalogRepository } from './catalog.repository';
import { DashboardRepository } from './dashboard.repository';
import { IdempotencyRepository } from './idempotency.repository';
import { KitchenRepository } from './kitchen.repository';
import { OrdersRepository } from './orders.repository';
import { StoreSettingsRepository } from './store-settings.repository';

export interface OrdersRepositories {
  orders: OrdersRepository;
  catalog: CatalogRepository;
  idempotency: IdempotencyRepository;
  settings: StoreSettingsRepository;
  kitchen: KitchenRepository;
  dashboard: DashboardRepository;
}

/** The repositories bound to one transaction, and the executor the outbox writes through. */
export type OrdersTransaction = StoreTransaction<OrdersRepositories>;

function repositoriesOf(manager: EntityManager): OrdersRepositories {
  return {
    orders: new OrdersRepository(manager),
    catalog: new CatalogRepository(manager),
    idempotency: new IdempotencyRepository(manager),
    settings: new StoreSettingsRepository(manager),
    kitchen: new KitchenRepository(manager),
    dashboard: new DashboardRepository(manager),
  };
}

/** The orders schema for use cases (see SchemaStore). */
@Injectable()
export class OrdersStore extends SchemaStore<OrdersRepositories> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, repositoriesOf);
  }
}
