import { runService } from '@galley/platform';
import { InventoryModule } from './inventory.module';

void runService('inventory', process.env, (config) => InventoryModule.forRoot(config), 'Catalog, stock levels and reservations.');
