import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { inventorySchema } from './schema/inventory.schema';

@Module({})
export class InventoryModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: InventoryModule,
      imports: [ServicePlatformModule.forRoot({ service: 'inventory', config, schema: inventorySchema })],
    };
  }
}
