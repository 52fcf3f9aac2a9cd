import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { REVIEWS_CONFIG } from '../config/reviews-config.token';
import { ReviewsConfig } from '../config/reviews-config';
import { ReviewsStore } from '../repositories/reviews-store';
import { SentimentModel, TextAnalysis, TextAnalyzer } from '../text-analysis';

/** Which model analyses now: the bundled one, or a stored (retrained) one by id. */
export interface ActiveModel {
  source: 'bundled' | 'stored';
  id: string | null;
}

/**
 * The analyser every review write and the analyse endpoint use. With SENTIMENT_MODEL=stored it
 * loads the newest retrained model at start-up and looks for a newer one every
 * SENTIMENT_MODEL_REFRESH_SECONDS; until there is one, or when loading fails, the bundled model
 * analyses (a broken database never stops reviews from being written).
 */
@Injectable()
export class SentimentAnalyzer implements OnModuleInit, OnApplicationShutdown {
  private analyzer = TextAnalyzer.withBundledModel();
  private active: ActiveModel = { source: 'bundled', id: null };
  private timer?: NodeJS.Timeout;
  private checking?: Promise<boolean>;

  constructor(
    private readonly store: ReviewsStore,
    @Inject(REVIEWS_CONFIG) private readonly config: ReviewsConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(SentimentAnalyzer.name);
  }

  async onModuleInit(): Promise<void> {
    if (this.config.SENTIMENT_MODEL !== 'stored') return;
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.config.SENTIMENT_MODEL_REFRESH_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  get activeModel(): ActiveModel {
    return { ...this.active };
  }

  analyze(text: string): TextAnalysis {
    return this.analyzer.analyze(text);
  }

  /** Switches to the newest stored model if it is not the one in use; true when it switched. */
  refresh(): Promise<boolean> {
    this.checking ??= this.loadNewest()
      .catch((error: unknown) => {
        this.logger.warn({ err: error, active: this.active }, 'could not check for a newer sentiment model; keeping the current one');
        return false;
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async loadNewest(): Promise<boolean> {
    const newest = await this.store.read.models.newestId();
    if (newest === null || newest === this.active.id) return false;
    const stored = await this.store.read.models.find<SentimentModel>(newest);
    if (!stored) return false;
    this.analyzer = TextAnalyzer.fromModel(stored.model);
    this.active = { source: 'stored', id: stored.id };
    this.logger.info({ modelId: stored.id, reviewCount: stored.reviewCount, trainedAt: stored.model.trainedAt }, 'analysing reviews with a retrained sentiment model');
    return true;
  }
}
