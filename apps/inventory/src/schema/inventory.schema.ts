import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';

/** Everything TypeORM knows about the `inventory` schema: its entities and its ordered migrations. */
export const inventorySchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('inventory')],
};
