import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';

/** Everything TypeORM knows about the `orders` schema: its entities and its ordered migrations. */
export const ordersSchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('orders')],
};
