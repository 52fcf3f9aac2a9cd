import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { StoreSettings, Weekday } from '../domain/store-hours';

export class OpeningIntervalDto {
  @ApiProperty({ example: '11:30', description: 'Local time HH:MM' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'open must be a time HH:MM from 00:00 to 23:59' })
  open: string;

  @ApiProperty({ example: '22:00', description: 'Local time HH:MM; 24:00 is midnight; at or before `open` means the next day' })
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'close must be a time HH:MM from 00:00 to 24:00' })
  close: string;
}

function day(): PropertyDecorator {
  const decorators = [
    ApiProperty({ type: [OpeningIntervalDto], description: 'Empty: closed all day' }),
    IsArray(),
    ArrayMaxSize(6),
    ValidateNested({ each: true }),
    Type(() => OpeningIntervalDto),
  ];
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

export class OpeningHoursDto implements Record<Weekday, OpeningIntervalDto[]> {
  @day() monday: OpeningIntervalDto[];
  @day() tuesday: OpeningIntervalDto[];
  @day() wednesday: OpeningIntervalDto[];
  @day() thursday: OpeningIntervalDto[];
  @day() friday: OpeningIntervalDto[];
  @day() saturday: OpeningIntervalDto[];
  @day() sunday: OpeningIntervalDto[];
}

export class StoreSettingsDto implements StoreSettings {
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the opening hours are in' })
  @IsString()
  @MaxLength(64)
  timeZone: string;

  @ApiProperty({ type: OpeningHoursDto })
  @ValidateNested()
  @Type(() => OpeningHoursDto)
  openingHours: OpeningHoursDto;

  @ApiProperty({ nullable: true, type: Number, example: 12, description: 'Orders in the kitchen at once; null for no limit' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(1)
  kitchenCapacity: number | null;
}
