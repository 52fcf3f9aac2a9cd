import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';
import { PaymentsCore1795714206531 } from './payments-core.migration';
import { PaymentsRefundLines1795900000002 } from './payments-refund-lines.migration';

/**
 * Everything TypeORM knows about the `payments` schema: its ordered migrations. The repositories
 * query with SQL (row locks, ON CONFLICT), so no entity is registered.
 */
export const paymentsSchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('payments'), PaymentsCore1795714206531, PaymentsRefundLines1795900000002],
};
