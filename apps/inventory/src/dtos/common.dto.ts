import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** Money in integer minor units of the store currency. */
export class MoneyDto {
  @ApiProperty({ type: 'integer', example: 1250, description: 'Integer minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217; must be the store currency (GALLEY_CURRENCY)' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;
}
