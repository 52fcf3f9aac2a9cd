import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';

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
