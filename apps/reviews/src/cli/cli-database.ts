import { DataSource } from 'typeorm';
import { loadServiceConfig, ServiceConfig, serviceCliEnvironment } from '@galley/config';
import { OutboxWriter } from '@galley/messaging';
import { serviceDataSourceOptions } from '@galley/platform';
import { ReviewsStore } from '../repositories/reviews-store';
import { reviewsSchema } from '../schema/reviews.schema';

export interface ReviewsCliContext {
  config: ServiceConfig;
  store: ReviewsStore;
  outbox: OutboxWriter;
  close(): Promise<void>;
}

/**
 * The reviews schema for an operator CLI, connected as the service's own role. Settings come from
 * the environment (and `.env`) like the service's: the development database unless DB_NAME says
 * otherwise; the password is DB_PASSWORD, else DB_PASSWORD_REVIEWS, else the development one.
 */
export async function openReviewsCli(env: NodeJS.ProcessEnv): Promise<ReviewsCliContext> {
  const config = loadServiceConfig('reviews', serviceCliEnvironment('reviews', env));
  const dataSource = new DataSource(serviceDataSourceOptions('reviews', config, reviewsSchema));
  await dataSource.initialize();
  return {
    config,
    store: new ReviewsStore(dataSource),
    outbox: new OutboxWriter({ schema: 'reviews', topicPrefix: config.KAFKA_TOPIC_PREFIX }),
    close: () => dataSource.destroy(),
  };
}
