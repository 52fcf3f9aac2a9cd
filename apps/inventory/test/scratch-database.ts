import { ScratchServiceDatabase } from '@galley/testing';
import { inventorySchema } from '../src/schema/inventory.schema';

/**
 * A throwaway database with only a migrated `inventory` schema to use, for tests that need an
 * empty catalog without touching the shared galley_test data other tests rely on.
 */
export type ScratchDatabase = ScratchServiceDatabase;

export const ScratchDatabase = {
  create: (): Promise<ScratchDatabase> => ScratchServiceDatabase.create('inventory', inventorySchema),
};
