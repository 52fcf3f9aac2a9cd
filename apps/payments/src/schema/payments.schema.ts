import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';

/** Everything TypeORM knows about the `payments` schema: its entities and its ordered migrations. */
export const paymentsSchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('payments')],
};
