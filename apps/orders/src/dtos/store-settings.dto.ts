import { ApiProperty } from '@nestjs/swagger';
import { Int, Nested, NestedList, Text } from '@galley/platform';
import { StoreSettings, Weekday } from '../domain/store-hours';
import { MAX_PAUSE_MINUTES, StoreProfile, StoreStatus } from '../domain/store-status';

export class OpeningIntervalDto {
  @Text({
    max: 5,
    trim: false,
    example: '11:30',
    description: 'Local time HH:MM',
    pattern: { regex: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'open must be a time HH:MM from 00:00 to 23:59' },
  })
  open: string;

  @Text({
    max: 5,
    trim: false,
    example: '22:00',
    description: 'Local time HH:MM; 24:00 is midnight; at or before `open` means the next day',
    pattern: { regex: /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, message: 'close must be a time HH:MM from 00:00 to 24:00' },
  })
  close: string;
}

const day = (): PropertyDecorator => NestedList(() => OpeningIntervalDto, { maxItems: 6, description: 'Empty: closed all day' });

export class OpeningHoursDto implements Record<Weekday, OpeningIntervalDto[]> {
  @day() monday: OpeningIntervalDto[];
  @day() tuesday: OpeningIntervalDto[];
  @day() wednesday: OpeningIntervalDto[];
  @day() thursday: OpeningIntervalDto[];
  @day() friday: OpeningIntervalDto[];
  @day() saturday: OpeningIntervalDto[];
  @day() sunday: OpeningIntervalDto[];
}

/** PUT /api/admin/store: a full replace of hours and capacity; name and description stay as they are when left out. */
export class StoreSettingsRequest implements StoreSettings {
  @Text({ max: 80, min: 1, optional: true, example: 'Galley Bistro', description: 'Shown to customers; kept when left out' })
  name?: string;

  @Text({ max: 500, optional: true, trim: false, allowEmpty: true, example: 'Wood-fired pizza and fresh pasta', description: 'Shown to customers; kept when left out' })
  description?: string;

  @Text({ max: 64, trim: false, example: 'Europe/Berlin', description: 'IANA time zone the opening hours are in' })
  timeZone: string;

  @Nested(() => OpeningHoursDto)
  openingHours: OpeningHoursDto;

  @Int({ min: 1, optional: 'nullable', example: 12, description: 'Orders in the kitchen at once; null (or left out) for no limit' })
  kitchenCapacity: number | null;
}

/** The store settings as staff read them (GET/PUT /api/admin/store and the pause routes). */
export class StoreSettingsDto {
  @ApiProperty({ example: 'Galley Bistro' }) name: string;
  @ApiProperty({ example: 'Wood-fired pizza and fresh pasta' }) description: string;
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the opening hours are in' }) timeZone: string;
  @ApiProperty({ type: OpeningHoursDto }) openingHours: OpeningHoursDto;
  @ApiProperty({ nullable: true, type: Number, example: 12, description: 'Orders in the kitchen at once; null for no limit' }) kitchenCapacity: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-11-23T18:45:00.000Z', description: 'New orders are refused until then; null when not paused' })
  pausedUntil: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Kitchen is backed up', description: 'Why staff paused (staff only); null when not paused' })
  pauseReason: string | null;
}

/** POST /api/admin/store/pause. */
export class PauseStoreRequest {
  @Int({ min: 1, max: MAX_PAUSE_MINUTES, example: 20, description: 'New orders are refused for this many minutes from now' })
  minutes: number;

  @Text({ max: 200, optional: true, allowEmpty: true, example: 'Kitchen is backed up' })
  reason?: string;
}

/** GET /api/store: what every visitor may know about the store right now. */
export class PublicStoreDto {
  @ApiProperty({ example: 'Galley Bistro' }) name: string;
  @ApiProperty({ example: 'Wood-fired pizza and fresh pasta' }) description: string;
  @ApiProperty({ example: 'USD', description: 'ISO 4217: every price and total is in it' }) currency: string;
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone of the opening hours' }) timeZone: string;
  @ApiProperty({ type: OpeningHoursDto }) openingHours: OpeningHoursDto;
  @ApiProperty({ example: true, description: 'Within the opening hours now' }) openNow: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-11-23T21:00:00.000Z',
    description: 'The next opening (when closed) or closing (when open); null when open around the clock or never open',
  })
  nextChangeAt: string | null;
  @ApiProperty({ example: true, description: 'openNow and not paused by staff: a new order would be taken' }) acceptingOrders: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null, description: 'Staff paused new orders until then; null when not paused' })
  pausedUntil: string | null;
}

export function mapStoreSettings(profile: StoreProfile): StoreSettingsDto {
  return {
    name: profile.name,
    description: profile.description,
    timeZone: profile.timeZone,
    openingHours: profile.openingHours,
    kitchenCapacity: profile.kitchenCapacity,
    pausedUntil: profile.pausedUntil?.toISOString() ?? null,
    pauseReason: profile.pauseReason,
  };
}

export function mapPublicStore(profile: StoreProfile, status: StoreStatus, currency: string): PublicStoreDto {
  return {
    name: profile.name,
    description: profile.description,
    currency,
    timeZone: profile.timeZone,
    openingHours: profile.openingHours,
    openNow: status.openNow,
    nextChangeAt: status.nextChangeAt?.toISOString() ?? null,
    acceptingOrders: status.acceptingOrders,
    pausedUntil: status.pausedUntil?.toISOString() ?? null,
  };
}
