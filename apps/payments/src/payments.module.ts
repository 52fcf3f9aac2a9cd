import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { paymentsSchema } from './schema/payments.schema';

@Module({})
export class PaymentsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [ServicePlatformModule.forRoot({ service: 'payments', config, schema: paymentsSchema })],
    };
  }
}
