import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SchemaStore, StoreTransaction } from '@galley/platform';
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
export type ReviewsTransaction = StoreTransaction<ReviewsRepositories>;

function repositoriesOf(manager: EntityManager): ReviewsRepositories {
  return {
    reviews: new ReviewsRepository(manager),
    aggregates: new RatingAggregatesRepository(manager),
    purchases: new VerifiedPurchasesRepository(manager),
    votes: new HelpfulVotesRepository(manager),
    models: new SentimentModelsRepository(manager),
  };
}

/** The reviews schema for use cases (see SchemaStore). */
@Injectable()
export class ReviewsStore extends SchemaStore<ReviewsRepositories> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, repositoriesOf);
  }
}
