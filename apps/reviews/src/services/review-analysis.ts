import { ReviewFields } from '../repositories/reviews.repository';
import { TextAnalysis } from '../text-analysis';

/** The text a review is analysed as: its title (when it has one) and body, as one text. */
export function analysedTextOf(review: { title: string | null; body: string }): string {
  return review.title ? `${review.title}\n${review.body}` : review.body;
}

/** The stored columns of an analysis. */
export function analysisFields(analysis: TextAnalysis): Pick<ReviewFields, 'sentimentLabel' | 'sentimentScore' | 'keyPhrases' | 'language'> {
  return {
    sentimentLabel: analysis.sentiment.label,
    sentimentScore: analysis.sentiment.score,
    keyPhrases: analysis.keyPhrases,
    language: analysis.language,
  };
}
