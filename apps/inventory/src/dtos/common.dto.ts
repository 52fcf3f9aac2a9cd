import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Trims strings before validation (other values pass through and fail their type check). */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** The JSON error shape every route answers with. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'price.currency must be the store currency USD' }) message: string;
  @ApiPropertyOptional({ type: [String] }) details?: string[];
  @ApiProperty({ example: '3f2a7c1e-9d4b-4c61-8f0a-2b6e5d7c9a10' }) requestId: string;
}

/** Money in integer minor units of the store currency. */
export class MoneyDto {
  @ApiProperty({ example: 1250, description: 'Integer minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217; must be the store currency (GALLEY_CURRENCY)' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
