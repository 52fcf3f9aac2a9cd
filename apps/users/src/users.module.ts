import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { usersSchema } from './schema/users.schema';

@Module({})
export class UsersModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: UsersModule,
      imports: [ServicePlatformModule.forRoot({ service: 'users', config, schema: usersSchema })],
    };
  }
}
