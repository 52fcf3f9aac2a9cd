import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SchemaStore, StoreTransaction } from '@galley/platform';
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
export type InventoryTransaction = StoreTransaction<InventoryRepositories>;

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

/** The inventory schema for use cases (see SchemaStore). */
@Injectable()
export class InventoryStore extends SchemaStore<InventoryRepositories> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, repositoriesOf);
  }
}
