import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { reviewsSchema } from './schema/reviews.schema';

@Module({})
export class ReviewsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ReviewsModule,
      imports: [ServicePlatformModule.forRoot({ service: 'reviews', config, schema: reviewsSchema })],
    };
  }
}
