import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { AnalyzeTextsRequest, AnalyzeTextsResponse } from '../dtos/text-analysis.dto';
import { SentimentAnalyzer } from '../services/sentiment-analyzer.service';

/** The review text analyser on any texts (staff). */
@ApiTags('reviews-admin')
@Roles('admin')
@Controller('api/admin/text')
export class TextAnalysisController {
  constructor(private readonly analyzer: SentimentAnalyzer) {}

  @Post('analyze')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sentiment, key phrases and language of 1–100 texts, one result per text in order' })
  @ApiOkResponse({ type: AnalyzeTextsResponse })
  @ApiBadRequestResponse({ description: 'texts missing, empty, over 100, or holding a non-string, blank or over-long text', type: ErrorResponse })
  analyze(@Body() body: AnalyzeTextsRequest): AnalyzeTextsResponse {
    return { results: body.texts.map((text) => this.analyzer.analyze(text)) };
  }
}
