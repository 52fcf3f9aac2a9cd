import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlExecutor } from '@galley/messaging';
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
export interface OrdersTransaction extends OrdersRepositories {
  sql: SqlExecutor;
}

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

/**
 * The orders schema for use cases: `read` outside any transaction, `transaction()` for work that commits together
 * (state and outbox rows), and `within()` for a consumer's inbox transaction. Services never see TypeORM.
 */
@Injectable()
export class OrdersStore {
  readonly read: OrdersRepositories;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.read = repositoriesOf(dataSource.manager);
  }

  transaction<T>(work: (tx: OrdersTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ ...repositoriesOf(manager), sql: manager }));
  }

  within(tx: SqlExecutor): OrdersTransaction {
    return { ...repositoriesOf(tx as EntityManager), sql: tx };
  }
}
