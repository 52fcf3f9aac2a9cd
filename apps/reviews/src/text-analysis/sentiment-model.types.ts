export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface TextAnalysis {
  sentiment: { label: SentimentLabel; score: number };
  keyPhrases: string[];
  language: string;
}

export interface LabelledText {
  text: string;
  label: SentimentLabel;
}

/** Class order of every weight triple in the model. */
export const SENTIMENT_CLASSES: readonly SentimentLabel[] = ['positive', 'negative', 'neutral'];

/**
 * A trained multinomial logistic-regression model, plain JSON so that it can be committed,
 * stored and shipped. `weights[i]` holds the three class weights of `features[i]`.
 */
export interface SentimentModel {
  version: number;
  kind: 'logistic-regression';
  trainedAt: string;
  classes: SentimentLabel[];
  examples: { positive: number; negative: number; neutral: number; total: number };
  bias: number[];
  features: string[];
  weights: number[][];
}
