import { ConfigValidationError } from '@galley/config';
import { runService } from '@galley/platform';
import { InventoryConfig, loadInventoryConfig } from './config/inventory-config';
import { InventoryModule } from './inventory.module';

/** Inventory settings are validated before anything starts, like the service settings in runService. */
function inventoryConfigOrExit(env: NodeJS.ProcessEnv): InventoryConfig {
  try {
    return loadInventoryConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(`galley-inventory: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
}

const inventory = inventoryConfigOrExit(process.env);
void runService('inventory', process.env, (config) => InventoryModule.forRoot(config, inventory), 'Catalog, stock levels and reservations.');
