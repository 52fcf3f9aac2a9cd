import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { AddressEntity } from '../schema/address.entity';
import { Trim } from '@galley/platform';

const PHONE = /^\+?[0-9 ()./-]{3,32}$/;

/** Present, or null to clear (optional fields only). */
const Clearable = () => IsOptional();
/** May be left out of a PATCH, but never null. */
const NotNullWhenGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export class CreateAddressRequest {
  @ApiPropertyOptional({ type: String, example: 'Home', maxLength: 50, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(50)
  label?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Alice Liddell', maxLength: 200, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(200)
  recipient?: string | null;

  @ApiProperty({ example: '12 Rue de la Paix', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1: string;

  @ApiPropertyOptional({ type: String, example: '3rd floor', maxLength: 200, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(200)
  line2?: string | null;

  @ApiProperty({ example: 'Paris', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: '75002', maxLength: 20 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  @ApiPropertyOptional({ type: String, example: 'Île-de-France', maxLength: 100, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @Trim()
  @IsISO31661Alpha2()
  country: string;

  @ApiPropertyOptional({ type: String, example: '+33 1 23 45 67 89', nullable: true })
  @Clearable()
  @Trim()
  @Matches(PHONE, { message: 'phone must be a phone number (digits, spaces, + ( ) . / -)' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Ring twice', maxLength: 500, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(500)
  instructions?: string | null;
}

/** Any subset of the fields; optional ones may be null to clear them. */
export class UpdateAddressRequest {
  @ApiPropertyOptional({ type: String, maxLength: 50, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(50)
  label?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(200)
  recipient?: string | null;

  @ApiPropertyOptional({ maxLength: 200 })
  @NotNullWhenGiven()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1?: string;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(200)
  line2?: string | null;

  @ApiPropertyOptional({ maxLength: 100 })
  @NotNullWhenGiven()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ maxLength: 20 })
  @NotNullWhenGiven()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode?: string;

  @ApiPropertyOptional({ type: String, maxLength: 100, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2' })
  @NotNullWhenGiven()
  @Trim()
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Clearable()
  @Trim()
  @Matches(PHONE, { message: 'phone must be a phone number (digits, spaces, + ( ) . / -)' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(500)
  instructions?: string | null;
}

export class AddressResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty({ type: String, nullable: true }) recipient: string | null;
  @ApiProperty() line1: string;
  @ApiProperty({ type: String, nullable: true }) line2: string | null;
  @ApiProperty() city: string;
  @ApiProperty() postalCode: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ example: 'FR' }) country: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) instructions: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function mapAddress(address: AddressEntity): AddressResponse {
  return {
    id: address.id,
    label: address.label,
    recipient: address.recipient,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    postalCode: address.postalCode,
    region: address.region,
    country: address.country,
    phone: address.phone,
    instructions: address.instructions,
    createdAt: address.createdAt.toISOString(),
    updatedAt: address.updatedAt.toISOString(),
  };
}

export class AddressListResponse {
  @ApiProperty({ type: [AddressResponse] })
  items: AddressResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: an account has few addresses' })
  nextCursor: null;
}
