import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';

/** Everything TypeORM knows about the `reviews` schema: its entities and its ordered migrations. */
export const reviewsSchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('reviews')],
};
