import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { TextAnalysisResponse } from './review.dto';

export const TEXTS_MAX = 100;
export const TEXT_MAX = 5000;

export class AnalyzeTextsRequest {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: TEXTS_MAX,
    example: ['The crust was perfect.', 'Cold and late.'],
    description: `1–${TEXTS_MAX} non-empty strings of at most ${TEXT_MAX} characters`,
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'texts must hold at least 1 text' })
  @ArrayMaxSize(TEXTS_MAX, { message: `texts must hold at most ${TEXTS_MAX} texts` })
  @IsString({ each: true, message: 'each of texts must be a string' })
  @Matches(/\S/, { each: true, message: 'each of texts must be non-empty' })
  @MaxLength(TEXT_MAX, { each: true, message: `each of texts must be at most ${TEXT_MAX} characters` })
  texts: string[];
}

export class AnalyzeTextsResponse {
  @ApiProperty({ type: [TextAnalysisResponse], description: 'One per text, in the order given' }) results: TextAnalysisResponse[];
}
