// Public surface of the review text analyser; the reviews service imports only from here.
export { SENTIMENT_CLASSES } from './sentiment-model.types';
export type { LabelledText, SentimentLabel, SentimentModel, TextAnalysis } from './sentiment-model.types';
export { TextAnalyzer } from './text-analyzer';
export { trainSentimentModel, trainWithStoreReviews, storeReviewsToExamples } from './sentiment-trainer';
export { loadBundledCorpus, loadHoldoutSet } from './bundled-data';
