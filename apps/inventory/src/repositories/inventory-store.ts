import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlExecutor } from '@galley/messaging';
import { CategoriesRepository } from './categories.repository';
import { ListingFiguresRepository } from './listing-figures.repository';
import { ProductImagesRepository } from './product-images.repository';
import { ProductsRepository } from './products.repository';
import { ReservationsRepository } from './reservations.repository';
import { SearchVocabularyRepository } from './search-vocabulary.repository';
import { StockRepository } from './stock.repository';

export interface InventoryRepositories {
  categories: CategoriesRepository;
  products: ProductsRepository;
  images: ProductImagesRepository;
  stock: StockRepository;
  reservations: ReservationsRepository;
  search: SearchVocabularyRepository;
  listingFigures: ListingFiguresRepository;
}

/** The repositories bound to one transaction, and the executor the outbox writes through. */
export interface InventoryTransaction extends InventoryRepositories {
  sql: SqlExecutor;
}

function repositoriesOf(manager: EntityManager): InventoryRepositories {
  return {
    categories: new CategoriesRepository(manager),
    products: new ProductsRepository(manager),
    images: new ProductImagesRepository(manager),
    stock: new StockRepository(manager),
    reservations: new ReservationsRepository(manager),
    search: new SearchVocabularyRepository(manager),
    listingFigures: new ListingFiguresRepository(manager),
  };
}

/**
 * The inventory schema for use cases: `read` outside any transaction, `transaction()` for work
 * that commits together (state and outbox rows), and `within()` for a consumer's inbox
 * transaction. Services never see TypeORM.
 */
@Injectable()
export class InventoryStore {
  readonly read: InventoryRepositories;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.read = repositoriesOf(dataSource.manager);
  }

  transaction<T>(work: (tx: InventoryTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ ...repositoriesOf(manager), sql: manager }));
  }

  /** The repositories on a transaction someone else opened (the consumer's inbox transaction). */
  within(tx: SqlExecutor): InventoryTransaction {
    return { ...repositoriesOf(tx as EntityManager), sql: tx };
  }
}
