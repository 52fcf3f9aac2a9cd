import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';
import { OrdersCheckout1795700000000 } from './orders-checkout.migration';
import { OrdersStoreFront1795800000000 } from './orders-store-front.migration';

/**
 * Everything TypeORM knows about the `orders` schema: its ordered migrations. Repositories query with SQL (row locks,
 * guarded updates), so no entity is registered.
 */
export const ordersSchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('orders'), OrdersCheckout1795700000000, OrdersStoreFront1795800000000],
};
