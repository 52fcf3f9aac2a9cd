import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlExecutor } from '@galley/messaging';
import { HelpfulVotesRepository } from './helpful-votes.repository';
import { RatingAggregatesRepository } from './rating-aggregates.repository';
import { ReviewsRepository } from './reviews.repository';
import { SentimentModelsRepository } from './sentiment-models.repository';
import { VerifiedPurchasesRepository } from './verified-purchases.repository';

export interface ReviewsRepositories {
  reviews: ReviewsRepository;
  aggregates: RatingAggregatesRepository;
  purchases: VerifiedPurchasesRepository;
  votes: HelpfulVotesRepository;
  models: SentimentModelsRepository;
}

/** The repositories bound to one transaction, and the executor the outbox writes through. */
export interface ReviewsTransaction extends ReviewsRepositories {
  sql: SqlExecutor;
}

function repositoriesOf(manager: EntityManager): ReviewsRepositories {
  return {
    reviews: new ReviewsRepository(manager),
    aggregates: new RatingAggregatesRepository(manager),
    purchases: new VerifiedPurchasesRepository(manager),
    votes: new HelpfulVotesRepository(manager),
    models: new SentimentModelsRepository(manager),
  };
}

/**
 * The reviews schema for use cases: `read` outside any transaction, `transaction()` for work
 * that commits together (state and outbox rows), and `within()` for a consumer's inbox
 * transaction. Services never see TypeORM.
 */
@Injectable()
export class ReviewsStore {
  readonly read: ReviewsRepositories;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.read = repositoriesOf(dataSource.manager);
  }

  transaction<T>(work: (tx: ReviewsTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ ...repositoriesOf(manager), sql: manager }));
  }

  /** The repositories on a transaction someone else opened (the consumer's inbox transaction). */
  within(tx: SqlExecutor): ReviewsTransaction {
    return { ...repositoriesOf(tx as EntityManager), sql: tx };
  }
}
