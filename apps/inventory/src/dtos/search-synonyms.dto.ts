import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import { MAX_SYNONYM_TERM_LENGTH, MAX_SYNONYM_TERMS, MIN_SYNONYM_TERMS } from '../domain/search-synonyms';
import { SynonymSet } from '../repositories/search-vocabulary.repository';

export class SynonymSetRequest {
  @ApiProperty({
    type: [String],
    example: ['soda', 'soft drink', 'pop'],
    minItems: MIN_SYNONYM_TERMS,
    maxItems: MAX_SYNONYM_TERMS,
    description:
      'Words or two-word phrases that stand for each other in search: a query for one finds products named with any. Stored folded (lower case, no accents); repeats are dropped',
  })
  @IsArray()
  @ArrayMinSize(MIN_SYNONYM_TERMS)
  @ArrayMaxSize(MAX_SYNONYM_TERMS)
  @IsString({ each: true })
  // Raw input may carry extra spaces and punctuation the folding removes; the domain checks the folded length.
  @MaxLength(MAX_SYNONYM_TERM_LENGTH * 2, { each: true })
  terms: string[];
}

export class SynonymSetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [String], example: ['soda', 'soft drink', 'pop'], description: 'Folded terms' }) terms: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SynonymSetListResponse {
  @ApiProperty({ type: [SynonymSetResponse], description: 'Every set, oldest first' }) items: SynonymSetResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: every set is listed' }) nextCursor: null;
}

export function mapSynonymSet(set: SynonymSet): SynonymSetResponse {
  return { id: set.id, terms: set.terms, createdAt: set.createdAt.toISOString() };
}
