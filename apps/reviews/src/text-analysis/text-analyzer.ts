import { loadBundledModel } from './bundled-data';
import { extractKeyPhrases } from './key-phrase-extractor';
import { detectLanguage } from './language-detector';
import { SentimentClassifier } from './sentiment-classifier';
import { SENTIMENT_CLASSES, SentimentModel, TextAnalysis } from './sentiment-model.types';
import { SENTIMENT_MODEL_VERSION } from './sentiment-trainer';

/** Sentiment, key phrases and language of one review text. Pure and synchronous. */
export class TextAnalyzer {
  private readonly classifier: SentimentClassifier;

  private constructor(readonly model: SentimentModel) {
    this.classifier = new SentimentClassifier(model);
  }

  /** The committed base model (apps/reviews/data/sentiment-model.json). */
  static withBundledModel(): TextAnalyzer {
    return new TextAnalyzer(loadBundledModel());
  }

  /** A model from trainSentimentModel/trainWithStoreReviews, e.g. one the service stored. */
  static fromModel(model: SentimentModel): TextAnalyzer {
    assertUsableModel(model);
    return new TextAnalyzer(model);
  }

  analyze(text: string): TextAnalysis {
    const { label, score } = this.classifier.predict(text);
    return { sentiment: { label, score }, keyPhrases: extractKeyPhrases(text), language: detectLanguage(text) };
  }
}

/** Fails fast on a model of another version or shape instead of mislabelling every review. */
function assertUsableModel(model: SentimentModel): void {
  const problems: string[] = [];
  if (model.version !== SENTIMENT_MODEL_VERSION) problems.push(`version ${String(model.version)} is not ${SENTIMENT_MODEL_VERSION}`);
  if (!Array.isArray(model.classes) || model.classes.join() !== SENTIMENT_CLASSES.join()) problems.push('classes must be positive, negative, neutral');
  if (!Array.isArray(model.bias) || model.bias.length !== SENTIMENT_CLASSES.length) problems.push('bias must have 3 numbers');
  if (!Array.isArray(model.features) || !Array.isArray(model.weights) || model.features.length !== model.weights.length) {
    problems.push('features and weights must be arrays of the same length');
  } else if (model.weights.some((w) => !Array.isArray(w) || w.length !== SENTIMENT_CLASSES.length)) {
    problems.push('every weight row must have 3 numbers');
  }
  if (problems.length) throw new Error(`unusable sentiment model: ${problems.join('; ')}`);
}
