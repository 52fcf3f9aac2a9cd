import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';
import { ReviewsCore1795624907805 } from './reviews-core.migration';
import { ReviewsSentimentModels1795624907806 } from './reviews-sentiment-models.migration';

/**
 * Everything TypeORM knows about the `reviews` schema: its ordered migrations. The repositories
 * query with SQL (a locked aggregate row per product, conditional inserts), so no entity is registered.
 */
export const reviewsSchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('reviews'), ReviewsCore1795624907805, ReviewsSentimentModels1795624907806],
};
