import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, Matches } from 'class-validator';
import { AddressEntity } from '../schema/address.entity';
import { PatchType, Text, Trim } from '@galley/platform';

const PHONE = /^\+?[0-9 ()./-]{3,32}$/;

export class CreateAddressRequest {
  @Text({ max: 50, optional: 'nullable', allowEmpty: true, example: 'Home' }) label?: string | null;
  @Text({ max: 200, optional: 'nullable', allowEmpty: true, example: 'Alice Liddell' }) recipient?: string | null;
  @Text({ max: 200, example: '12 Rue de la Paix' }) line1: string;
  @Text({ max: 200, optional: 'nullable', allowEmpty: true, example: '3rd floor' }) line2?: string | null;
  @Text({ max: 100, example: 'Paris' }) city: string;
  @Text({ max: 20, example: '75002' }) postalCode: string;
  @Text({ max: 100, optional: 'nullable', allowEmpty: true, example: 'Île-de-France' }) region?: string | null;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @Trim()
  @IsISO31661Alpha2()
  country: string;

  @ApiPropertyOptional({ type: String, example: '+33 1 23 45 67 89', nullable: true })
  @IsOptional()
  @Trim()
  @Matches(PHONE, { message: 'phone must be a phone number (digits, spaces, + ( ) . / -)' })
  phone?: string | null;

  @Text({ max: 500, optional: 'nullable', allowEmpty: true, example: 'Ring twice' }) instructions?: string | null;
}

/** Any subset of the fields; optional ones may be null to clear them. */
export class UpdateAddressRequest extends PatchType(CreateAddressRequest) {}

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
