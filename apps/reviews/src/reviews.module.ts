import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, verifierFromSettings } from '@galley/auth';
import { ServiceConfig, verifierSettingsOf } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { ReviewsConfig } from './config/reviews-config';
import { REVIEWS_CONFIG } from './config/reviews-config.token';
import { OrderCompletedConsumer } from './consumers/order-completed.consumer';
import { AdminReviewsController } from './controllers/admin-reviews.controller';
import { ProductReviewsController } from './controllers/product-reviews.controller';
import { ReviewsController } from './controllers/reviews.controller';
import { TextAnalysisController } from './controllers/text-analysis.controller';
import { ReviewsStore } from './repositories/reviews-store';
import { reviewsSchema } from './schema/reviews.schema';
import { ModerationService } from './services/moderation.service';
import { RatingLedger } from './services/rating-ledger';
import { ReviewInsightsService } from './services/review-insights.service';
import { ReviewQueries } from './services/review-queries.service';
import { ReviewsService } from './services/reviews.service';
import { SentimentAnalyzer } from './services/sentiment-analyzer.service';
import { VerifiedPurchasesService } from './services/verified-purchases.service';

@Module({})
export class ReviewsModule {
  static forRoot(config: ServiceConfig, reviews: ReviewsConfig): DynamicModule {
    return {
      module: ReviewsModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'reviews', config, schema: reviewsSchema }),
        // Every route needs a valid access token unless @Public(); keys come from users' JWKS.
        AuthModule.forRoot(verifierFromSettings(verifierSettingsOf(reviews))),
      ],
      controllers: [ProductReviewsController, ReviewsController, AdminReviewsController, TextAnalysisController, OrderCompletedConsumer],
      providers: [
        { provide: REVIEWS_CONFIG, useValue: reviews },
        ReviewsStore,
        RatingLedger,
        SentimentAnalyzer,
        ReviewsService,
        ReviewQueries,
        ModerationService,
        ReviewInsightsService,
        VerifiedPurchasesService,
      ],
    };
  }
}
