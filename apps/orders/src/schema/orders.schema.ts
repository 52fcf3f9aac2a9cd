import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';
import { OrdersCheckout1795700000000 } from './orders-checkout.migration';

/**
 * Everything TypeORM knows about the `orders` schema: its ordered migrations. Repositories query with SQL (row locks,
 * guarded updates), so no entity is registered.
 */
export const ordersSchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('orders'), OrdersCheckout1795700000000],
};
