import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { ordersSchema } from './schema/orders.schema';

@Module({})
export class OrdersModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: OrdersModule,
      imports: [ServicePlatformModule.forRoot({ service: 'orders', config, schema: ordersSchema })],
    };
  }
}
