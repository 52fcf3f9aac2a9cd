import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';

/** Everything TypeORM knows about the `users` schema: its entities and its ordered migrations. */
export const usersSchema: ServiceSchema = {
  entities: [],
  migrations: [messagingTablesV1Migration('users')],
};
