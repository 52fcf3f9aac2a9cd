import { runService } from '@galley/platform';
import { ReviewsModule } from './reviews.module';

void runService('reviews', process.env, (config) => ReviewsModule.forRoot(config), 'Reviews, verified purchases and ratings.');
