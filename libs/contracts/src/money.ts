import { IsInt, Matches, Min } from 'class-validator';

/** Money is integer minor units with an ISO 4217 currency, never a float. */
export interface Money {
  amount: number;
  currency: string;
}

export class MoneySchema implements Money {
  @IsInt()
  @Min(0)
  amount!: number;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency!: string;
}
