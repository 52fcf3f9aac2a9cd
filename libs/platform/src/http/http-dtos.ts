import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Trims strings before validation (other values pass through and fail their type check). */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** The JSON error shape every route answers with (AllExceptionsFilter), for the OpenAPI documents. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'name must be a string' }) message: string;
  @ApiPropertyOptional({ type: [String] }) details?: string[];
  @ApiProperty({ example: '3f2a7c1e-9d4b-4c61-8f0a-2b6e5d7c9a10' }) requestId: string;
}

/** `limit` and `cursor` of every keyset-paginated list. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
